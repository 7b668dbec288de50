package io.weft.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.TestKeyStores;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTenants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Both API listeners over HTTPS with a key pair made for the test: a client that trusts exactly
 * that certificate gets signed CloudStack and EC2 answers; one that trusts only the JDK's CAs fails
 * the handshake; plain HTTP is refused on the CloudStack listener, where it is off, and still served
 * on the EC2 listener, where {@code ec2.tls.allowPlainHttp} keeps it on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiListenersTlsTest {
    private static final String STORE_PASSWORD = "api-store-pw";

    private WeftServer server;
    private HttpClient trusting;
    private CloudStackClient admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path keyStore = dir.resolve("api.p12");
        Path trustStore = dir.resolve("client-trust.p12");
        TestKeyStores.selfSigned(keyStore, "api", STORE_PASSWORD);
        TestKeyStores.trust(keyStore, "api", STORE_PASSWORD, trustStore, STORE_PASSWORD);
        server = WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dir.resolve("data"))
                .with("http.tls.keyStorePath", keyStore.toString())
                .with("http.tls.keyStorePassword", STORE_PASSWORD)
                .with("ec2.tls.keyStorePath", keyStore.toString())
                .with("ec2.tls.keyStorePassword", STORE_PASSWORD)
                .with("ec2.tls.allowPlainHttp", "true")
                .asMap()));
        trusting = HttpClient.newBuilder()
                .sslContext(TestKeyStores.trustingOnly(trustStore, STORE_PASSWORD))
                .build();
        admin = CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()))
                .over(trusting);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bothListenersNameHttpsEndpoints() {
        assertThat(server.cloudStackUri().getScheme()).isEqualTo("https");
        assertThat(server.ec2Uri().orElseThrow().getScheme()).isEqualTo("https");
    }

    @Test
    void aClientTrustingTheCertificateGetsSignedCloudStackAndEc2Answers() throws Exception {
        ApiKeys tenant = CloudStackTenants.create(admin, "tls-tenant");
        admin.as(tenant).ok("createSecurityGroup", "name", "made-over-tls");
        assertThat(admin.as(tenant)
                        .ok("listSecurityGroups", "securitygroupname", "made-over-tls")
                        .get("count")
                        .asInt())
                .isEqualTo(1);

        // An authenticated EC2 answer: the caller identity that only a valid SigV4 signature gets.
        HttpResponse<String> answer = ec2(trusting, server.ec2Uri().orElseThrow(), tenant);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<GetCallerIdentityResponse").contains("<Account>");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() {
        HttpClient jdkCasOnly = HttpClient.newHttpClient();
        assertThatThrownBy(() -> jdkCasOnly.send(
                        HttpRequest.newBuilder(server.healthUri()).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        ApiKeys anyKeys = new ApiKeys("k", "s");
        assertThatThrownBy(() -> ec2(jdkCasOnly, server.ec2Uri().orElseThrow(), anyKeys))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpIsRefusedWhereItIsOffAndServedWhereItIsAllowed() throws Exception {
        URI plainHealth = URI.create(server.healthUri().toString().replaceFirst("^https:", "http:"));
        assertThatThrownBy(() -> trusting.send(
                        HttpRequest.newBuilder(plainHealth).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        ApiKeys tenant = CloudStackTenants.create(admin, "tls-plain-tenant");
        URI plainEc2 = URI.create(server.ec2Uri().orElseThrow().toString().replaceFirst("^https:", "http:"));
        assertThat(ec2(trusting, plainEc2, tenant).statusCode()).isEqualTo(200);
    }

    /** GetCallerIdentity, POSTed to {@code endpoint} and signed by the AWS SDK's SigV4 signer. */
    private static HttpResponse<String> ec2(HttpClient http, URI endpoint, ApiKeys keys) throws Exception {
        byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(keys.apiKey(), keys.secretKey()))
                        .request(SdkHttpRequest.builder()
                                .method(SdkHttpMethod.POST)
                                .uri(endpoint)
                                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                                .build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
