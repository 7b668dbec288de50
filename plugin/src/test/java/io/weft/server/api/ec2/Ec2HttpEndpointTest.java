package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.ServerModules;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkModule;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.NewAccount;
import io.weft.server.tenancy.NewUser;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.tenancy.UserService;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneSpec;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The EC2 endpoint over HTTP, with requests signed by the AWS SDK's signer for the service and region
 * a client would use: sts:GetCallerIdentity at the same endpoint, and the signing region reported back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2HttpEndpointTest {
    private WeftServer server;
    private URI endpoint;
    private UserKeys keys;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        WeftConfig config = WeftConfig.of(
                Map.of("dataDir", dataDir.toString(), "http.port", "0", "broker.port", "0", "ec2.port", "0"));
        WeftServer.Builder builder = WeftServer.builder(config);
        List<String> installed = ServerModules.forConfig(config).stream()
                .map(module -> module.getClass().getName())
                .toList();
        if (!installed.contains(NetworkModule.class.getName())) {
            builder.addModule(new NetworkModule(NetworkLimits.DEFAULTS));
        }
        if (!installed.contains(Ec2ApiModule.class.getName())) {
            builder.addModule(new Ec2ApiModule());
        }
        server = builder.start();
        endpoint = server.ec2Uri().orElseThrow();
        Caller root = server.injector().getInstance(TenancyBootstrap.class).run();
        server.injector()
                .getInstance(ZoneService.class)
                .create(root, ZoneSpec.advanced("zone-1", "8.8.8.8", 5000, 5099));
        AccountView alice = server.injector()
                .getInstance(AccountService.class)
                .create(
                        root,
                        new NewAccount(
                                Optional.empty(),
                                Optional.of("alice"),
                                Role.USER,
                                new NewUser(
                                        "alice",
                                        "secret-password",
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));
        keys = server.injector()
                .getInstance(UserService.class)
                .registerKeys(root, alice.users().get(0).id());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Answer(int status, Document xml) {
        String text(String xpath) throws Exception {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, xml);
        }
    }

    /** POSTs a form body signed by the SDK's signer for {@code service} in {@code region}. */
    private Answer post(String service, String region, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(keys.apiKey(), keys.secretKey()))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body()));
        return new Answer(response.statusCode(), xml);
    }

    @Test
    void getCallerIdentityAnswersTheAccountIdThatOwnsTheCallersResources() throws Exception {
        Answer identity = post("sts", "eu-west-3", "Action=GetCallerIdentity&Version=2011-06-15");
        Answer vpc = post("ec2", "eu-west-3", "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16");

        assertThat(identity.status()).isEqualTo(200);
        assertThat(identity.xml().getDocumentElement().getNamespaceURI()).isNull();
        assertThat(identity.xml().getDocumentElement().getAttribute("xmlns"))
                .isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        String account = identity.text("/GetCallerIdentityResponse/GetCallerIdentityResult/Account");
        assertThat(account).matches("[0-9]{12}");
        assertThat(identity.text("/GetCallerIdentityResponse/GetCallerIdentityResult/Arn"))
                .isEqualTo("arn:aws:iam::" + account + ":user/alice");
        assertThat(identity.text("/GetCallerIdentityResponse/GetCallerIdentityResult/UserId"))
                .matches("AIDA[0-9A-F]{17}");
        assertThat(identity.text("/GetCallerIdentityResponse/ResponseMetadata/RequestId"))
                .isNotBlank();
        assertThat(vpc.text("/CreateVpcResponse/vpc/ownerId")).isEqualTo(account);
        assertThat(post("sts", "us-east-1", "Action=GetCallerIdentity&Version=2011-06-15")
                        .text("/GetCallerIdentityResponse/GetCallerIdentityResult/Account"))
                .as("stable")
                .isEqualTo(account);
    }

    @Test
    void availabilityZonesAreInTheRegionTheRequestWasSignedFor() throws Exception {
        Answer zones = post(
                "ec2",
                "ap-northeast-2",
                "Action=DescribeAvailabilityZones&Version=2016-11-15&Filter.1.Name=region-name"
                        + "&Filter.1.Value.1=ap-northeast-2");

        assertThat(zones.status()).isEqualTo(200);
        assertThat(zones.text("/DescribeAvailabilityZonesResponse/availabilityZoneInfo/item/zoneName"))
                .isEqualTo("zone-1");
        assertThat(zones.text("/DescribeAvailabilityZonesResponse/availabilityZoneInfo/item/regionName"))
                .isEqualTo("ap-northeast-2");
    }

    @Test
    void theOneRegionIsTheOneTheRequestWasSignedFor() throws Exception {
        Answer regions = post("ec2", "sa-east-1", "Action=DescribeRegions&Version=2016-11-15");

        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.text("count(/DescribeRegionsResponse/regionInfo/item)"))
                .isEqualTo("1");
        assertThat(regions.text("/DescribeRegionsResponse/regionInfo/item/regionName"))
                .isEqualTo("sa-east-1");
        assertThat(post("ec2", "sa-east-1", "Action=DescribeRegions&Version=2016-11-15&RegionName.1=us-east-1")
                        .text("count(/DescribeRegionsResponse/regionInfo/item)"))
                .isEqualTo("0");
    }
}
