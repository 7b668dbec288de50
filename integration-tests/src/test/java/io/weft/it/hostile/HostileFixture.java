package io.weft.it.hostile;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.server.WeftServer;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One server with a tenant that owns something of every kind the hostile cases aim at (a
 * CloudStack network, group with an ingress rule and VM; an EC2 VPC, subnet and group), and the
 * three ways in: the CloudStack API, the EC2 API signed with the tenant's keys, and the REST API.
 */
final class HostileFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EC2_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final String REGION = "weft-test-1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final WeftServer server;
    private final CloudStackClient admin;
    private final CloudStackClient tenant;
    private final ApiKeys tenantKeys;
    private final ApiKeys adminKeys;
    private String vmId;
    private String ingressRuleId;
    private String vpcId;
    private String ec2GroupId;

    private HostileFixture(WeftServer server, CloudStackClient admin, ApiKeys adminKeys, ApiKeys tenantKeys) {
        this.server = requireNonNull(server, "server is null");
        this.admin = requireNonNull(admin, "admin is null");
        this.adminKeys = requireNonNull(adminKeys, "adminKeys is null");
        this.tenantKeys = requireNonNull(tenantKeys, "tenantKeys is null");
        this.tenant = admin.as(tenantKeys.apiKey(), tenantKeys.secretKey());
    }

    static HostileFixture build(WeftServer server, CloudStackClient admin) {
        JsonNode account = admin.ok(
                        "createAccount",
                        Params.of("username", "mallory")
                                .and("password", "pw-mallory")
                                .and("email", "mallory@example.com")
                                .and("firstname", "Mallory")
                                .and("lastname", "Test"))
                .get("account");
        JsonNode keys = admin.ok(
                        "registerUserKeys",
                        "id",
                        account.get("user").get(0).get("id").asText())
                .get("userkeys");
        HostileFixture fixture = new HostileFixture(
                server,
                admin,
                ApiKeys.fromCredentialsFile(server.adminCredentialsFile()),
                new ApiKeys(keys.get("apikey").asText(), keys.get("secretkey").asText()));
        fixture.buildCloudStackSide();
        fixture.buildEc2Side();
        return fixture;
    }

    private void buildCloudStackSide() {
        String zone = admin.ok(
                        "createZone",
                        Params.of("name", "z1")
                                .and("networktype", "Advanced")
                                .and("dns1", "8.8.8.8")
                                .and("internaldns1", "10.0.0.2"))
                .get("zone")
                .get("id")
                .asText();
        String cluster = admin.ok(
                        "addCluster",
                        Params.of("zoneid", zone)
                                .and("clustername", "c1")
                                .and("clustertype", "CloudManaged")
                                .and("hypervisor", "KVM"))
                .get("cluster")
                .get(0)
                .get("id")
                .asText();
        String host = admin.ok(
                        "addHost",
                        Params.of("zoneid", zone)
                                .and("clusterid", cluster)
                                .and("url", "http://192.168.0.11")
                                .and("hypervisor", "KVM"))
                .get("host")
                .get(0)
                .get("id")
                .asText();
        String offering = tenant.ok("listNetworkOfferings")
                .get("networkoffering")
                .get(0)
                .get("id")
                .asText();
        String network = tenant.ok(
                        "createNetwork",
                        Params.of("name", "net")
                                .and("zoneid", zone)
                                .and("networkofferingid", offering)
                                .and("gateway", "10.10.0.1")
                                .and("netmask", "255.255.255.0"))
                .get("network")
                .get("id")
                .asText();
        String group = tenant.ok("createSecurityGroup", "name", "web", "description", "web")
                .get("securitygroup")
                .get("id")
                .asText();
        ingressRuleId = tenant.succeededJob(
                        "authorizeSecurityGroupIngress",
                        Params.of("securitygroupid", group)
                                .and("protocol", "TCP")
                                .and("startport", "22")
                                .and("endport", "22")
                                .and("cidrlist", "10.0.0.0/8"))
                .path("jobresult")
                .path("securitygroup")
                .path("ingressrule")
                .get(0)
                .path("ruleid")
                .asText();
        vmId = admin.succeededJob(
                        "deployVirtualMachine",
                        Params.of("account", "mallory")
                                .and("zoneid", zone)
                                .and("serviceofferingid", SeededCatalogue.SMALL_INSTANCE.toString())
                                .and("templateid", SeededCatalogue.UBUNTU_TEMPLATE.toString())
                                .and("networkids", network)
                                .and("securitygroupids", group)
                                .and("hostid", host)
                                .and("name", "vm1"))
                .path("jobresult")
                .path("virtualmachine")
                .path("id")
                .asText();
    }

    private void buildEc2Side() {
        vpcId = ec2Value("Action=CreateVpc&Version=2016-11-15&CidrBlock=10.1.0.0%2F16", "vpcId");
        ec2Value("Action=CreateSubnet&Version=2016-11-15&VpcId=" + vpcId + "&CidrBlock=10.1.1.0%2F24", "subnetId");
        ec2GroupId = ec2Value(
                "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=app&GroupDescription=app&VpcId=" + vpcId,
                "groupId");
    }

    private String ec2Value(String form, String element) {
        HostileCase.Answer answer = ec2(form);
        if (answer.status() != 200) {
            throw new IllegalStateException("fixture request failed: " + form + " -> " + answer.body());
        }
        Matcher value =
                Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(answer.body());
        if (!value.find()) {
            throw new IllegalStateException("no " + element + " in " + answer.body());
        }
        return value.group(1);
    }

    CloudStackClient tenantCloudStack() {
        return tenant;
    }

    CloudStackClient adminCloudStack() {
        return admin;
    }

    String vmId() {
        return vmId;
    }

    String ingressRuleId() {
        return ingressRuleId;
    }

    String vpcId() {
        return vpcId;
    }

    String ec2GroupId() {
        return ec2GroupId;
    }

    /** Everything the tenant and the operator can see, as the APIs answer it, request ids removed. */
    String state() {
        StringBuilder state = new StringBuilder();
        for (String command :
                List.of("listNetworks", "listSecurityGroups", "listVirtualMachines", "listNics", "listTags")) {
            Params params = Params.of("listall", "true");
            if (command.equals("listNics")) {
                params = Params.of("virtualmachineid", vmId);
            }
            state.append(admin.ok(command, params)).append('\n');
        }
        for (String action : List.of(
                "DescribeVpcs",
                "DescribeSubnets",
                "DescribeSecurityGroups",
                "DescribeNetworkInterfaces",
                "DescribeTags")) {
            state.append(ec2("Action=" + action + "&Version=2016-11-15")
                            .body()
                            .replaceAll("<requestId>[^<]*</requestId>", ""))
                    .append('\n');
        }
        return state.toString();
    }

    /** A form POST to the EC2 endpoint, signed with the tenant's keys over exactly these bytes. */
    HostileCase.Answer ec2(String form) {
        byte[] bytes = form.getBytes(StandardCharsets.ISO_8859_1);
        URI endpoint = server.ec2Uri().orElseThrow().resolve("/");
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(tenantKeys.apiKey(), tenantKeys.secretKey()))
                        .request(SdkHttpRequest.builder()
                                .method(SdkHttpMethod.POST)
                                .uri(endpoint)
                                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                                .build())
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION))
                .request();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return ec2Answer(send(request));
    }

    /** A form POST to the EC2 endpoint with headers of the case's own making (a forged signature). */
    HostileCase.Answer ec2Unsigned(String form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        server.ec2Uri().orElseThrow().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return ec2Answer(send(request));
    }

    String tenantAccessKey() {
        return tenantKeys.apiKey();
    }

    private static HostileCase.Answer ec2Answer(HttpResponse<String> response) {
        Matcher code = EC2_CODE.matcher(response.body());
        return new HostileCase.Answer(response.statusCode(), code.find() ? code.group(1) : "", response.body());
    }

    /**
     * A CloudStack command; the code is CloudStack's {@code errorcode}, empty on success. An async
     * command is accepted as a job first and refused in the job's result, as CloudStack does: then
     * the job's error code stands for the status.
     */
    static HostileCase.Answer cloudStack(CloudStackClient client, String command, Params params) {
        CloudStackClient.Reply reply = client.call(command, params);
        JsonNode inner = reply.inner();
        if (reply.status() == 200 && inner.has("jobid")) {
            JsonNode job = client.await(inner.get("jobid").asText());
            JsonNode result = job.path("jobresult");
            if (job.path("jobstatus").asInt() == 2) {
                String code = result.path("errorcode").asText("");
                return new HostileCase.Answer(result.path("errorcode").asInt(), code, job.toString());
            }
            return new HostileCase.Answer(200, "", job.toString());
        }
        String code = inner.has("errorcode") ? inner.get("errorcode").asText() : "";
        return new HostileCase.Answer(reply.status(), code, reply.text());
    }

    /** A REST call as the root admin; the code is the error's {@code code}, empty on success. */
    HostileCase.Answer rest(String method, String path, byte[] body) {
        URI base = server.cloudStackUri().resolve("/api/v1" + path);
        String basic = Base64.getEncoder()
                .encodeToString((adminKeys.apiKey() + ":" + adminKeys.secretKey()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(base)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
        String code = "";
        try {
            JsonNode json = JSON.readTree(response.body());
            code = json.path("error").path("code").asText("");
        } catch (IOException e) {
            // not JSON: the code stays empty and the status tells
        }
        return new HostileCase.Answer(response.statusCode(), code, response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
