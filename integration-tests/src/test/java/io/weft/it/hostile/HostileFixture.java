package io.weft.it.hostile;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.server.WeftServer;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTenants;
import io.weft.testsupport.cloudstack.CloudStackTopology;
import io.weft.testsupport.cloudstack.Params;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    /** Bodies above this are announced, not sent: the server must refuse on the length alone. */
    private static final int LARGE_BODY = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EC2_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final String REGION = "weft-test-1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final WeftServer server;
    private final CloudStackClient admin;
    private final CloudStackClient tenant;
    private final ApiKeys tenantKeys;
    private final ApiKeys adminKeys;
    private ApiKeys otherKeys;
    private CloudStackClient other;
    private String zoneId;
    private String hostId;
    private String offeringId;
    private String networkId;
    private String groupId;
    private String vmId;
    private String ingressRuleId;
    private String vpcId;
    private String ec2GroupId;
    private String subnetId;

    private HostileFixture(WeftServer server, CloudStackClient admin, ApiKeys adminKeys, ApiKeys tenantKeys) {
        this.server = requireNonNull(server, "server is null");
        this.admin = requireNonNull(admin, "admin is null");
        this.adminKeys = requireNonNull(adminKeys, "adminKeys is null");
        this.tenantKeys = requireNonNull(tenantKeys, "tenantKeys is null");
        this.tenant = admin.as(tenantKeys.apiKey(), tenantKeys.secretKey());
    }

    static HostileFixture build(WeftServer server, CloudStackClient admin) {
        HostileFixture fixture = new HostileFixture(
                server,
                admin,
                ApiKeys.fromCredentialsFile(server.adminCredentialsFile()),
                CloudStackTenants.create(admin, "mallory"));
        fixture.buildCloudStackSide();
        fixture.buildEc2Side();
        fixture.buildOtherTenant();
        fixture.tagGroupsNearTheLimit();
        return fixture;
    }

    /** The tags each of the tenant's "web" (CloudStack) and "app" (EC2) groups carries: 2 short of the limit of 50. */
    static final int PRESET_GROUP_TAGS = 48;

    /** Fills the two groups up to {@link #PRESET_GROUP_TAGS}, through each API, so that a few more tags go over. */
    private void tagGroupsNearTheLimit() {
        Params cloudStackTags = Params.of("resourceids", groupId).and("resourcetype", "SecurityGroup");
        StringBuilder ec2Tags = new StringBuilder("Action=CreateTags&Version=2016-11-15&ResourceId.1=" + ec2GroupId);
        for (int i = 0; i < PRESET_GROUP_TAGS; i++) {
            cloudStackTags =
                    cloudStackTags.and("tags[" + i + "].key", "preset-" + i).and("tags[" + i + "].value", "v");
            ec2Tags.append("&Tag.").append(i + 1).append(".Key=preset-").append(i);
            ec2Tags.append("&Tag.").append(i + 1).append(".Value=v");
        }
        tenant.succeededJob("createTags", cloudStackTags);
        HostileCase.Answer answer = ec2(tenantKeys, ec2Tags.toString());
        if (answer.status() != 200) {
            throw new IllegalStateException("fixture tags failed: " + answer.body());
        }
    }

    String hostId() {
        return hostId;
    }

    /** The service offering every server starts with. */
    String offeringIdOfVms() {
        return SeededCatalogue.SMALL_INSTANCE.toString();
    }

    /** The template every server starts with. */
    String templateIdOfVms() {
        return SeededCatalogue.UBUNTU_TEMPLATE.toString();
    }

    /**
     * A second tenant owning one of everything: its ids, sent by the first tenant, must be answered
     * exactly as ids that do not exist.
     */
    private void buildOtherTenant() {
        otherKeys = CloudStackTenants.create(admin, "trudy");
        other = admin.as(otherKeys.apiKey(), otherKeys.secretKey());
        String network = other.ok(
                        "createNetwork",
                        Params.of("name", "trudy-net")
                                .and("zoneid", zoneId)
                                .and("networkofferingid", offeringId)
                                .and("gateway", "10.30.0.1")
                                .and("netmask", "255.255.255.0"))
                .get("network")
                .get("id")
                .asText();
        String group = other.ok("createSecurityGroup", "name", "trudy-web", "description", "d")
                .get("securitygroup")
                .get("id")
                .asText();
        String rule = other.succeededJob(
                        "authorizeSecurityGroupIngress",
                        Params.of("securitygroupid", group)
                                .and("protocol", "UDP")
                                .and("startport", "53")
                                .and("endport", "53")
                                .and("cidrlist", "10.0.0.0/8"))
                .path("jobresult")
                .path("securitygroup")
                .path("ingressrule")
                .get(0)
                .path("ruleid")
                .asText();
        String vm = admin.succeededJob(
                        "deployVirtualMachine",
                        Params.of("account", "trudy")
                                .and("zoneid", zoneId)
                                .and("serviceofferingid", SeededCatalogue.SMALL_INSTANCE.toString())
                                .and("templateid", SeededCatalogue.UBUNTU_TEMPLATE.toString())
                                .and("networkids", network)
                                .and("securitygroupids", group)
                                .and("hostid", hostId)
                                .and("name", "trudy-vm"))
                .path("jobresult")
                .path("virtualmachine")
                .path("id")
                .asText();
        String nic = admin.ok("listNics", "virtualmachineid", vm)
                .get("nic")
                .get(0)
                .get("id")
                .asText();
        String vpc = ec2Value(otherKeys, "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.2.0.0%2F16", "vpcId");
        String subnet = ec2Value(
                otherKeys,
                "Action=CreateSubnet&Version=2016-11-15&VpcId=" + vpc + "&CidrBlock=10.2.1.0%2F24",
                "subnetId");
        String ec2Group = ec2Value(
                otherKeys,
                "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=trudy&GroupDescription=d&VpcId=" + vpc,
                "groupId");
        String ec2Rule = ec2Value(
                otherKeys,
                "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=" + ec2Group
                        + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=443&IpPermissions.1.ToPort=443"
                        + "&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8",
                "securityGroupRuleId");
        String eni = ec2Value(
                otherKeys,
                "Action=CreateNetworkInterface&Version=2016-11-15&SubnetId=" + subnet + "&SecurityGroupId.1="
                        + ec2Group,
                "networkInterfaceId");
        otherTenant = new OtherTenant(network, group, rule, vm, nic, vpc, subnet, ec2Group, ec2Rule, eni);
    }

    /** The second tenant's ids: a CloudStack network, group, rule, VM and NIC; an EC2 VPC, subnet, group, rule, ENI. */
    record OtherTenant(
            String network,
            String group,
            String rule,
            String vm,
            String nic,
            String vpc,
            String subnet,
            String ec2Group,
            String ec2Rule,
            String eni) {}

    private OtherTenant otherTenant;

    OtherTenant otherTenant() {
        return otherTenant;
    }

    private void buildCloudStackSide() {
        String zone = zoneId = CloudStackTopology.advancedZone(admin, "z1", Params.none());
        String cluster = CloudStackTopology.kvmCluster(admin, zone, "c1", Params.none());
        String host = hostId = CloudStackTopology.kvmHost(admin, zone, cluster, "192.168.0.11", Params.none())
                .get("id")
                .asText();
        String offering = offeringId = tenant.ok("listNetworkOfferings")
                .get("networkoffering")
                .get(0)
                .get("id")
                .asText();
        String network = networkId = tenant.ok(
                        "createNetwork",
                        Params.of("name", "net")
                                .and("zoneid", zone)
                                .and("networkofferingid", offering)
                                .and("gateway", "10.10.0.1")
                                .and("netmask", "255.255.255.0"))
                .get("network")
                .get("id")
                .asText();
        String group = groupId = tenant.ok("createSecurityGroup", "name", "web", "description", "web")
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
        subnetId = ec2Value(
                "Action=CreateSubnet&Version=2016-11-15&VpcId=" + vpcId + "&CidrBlock=10.1.1.0%2F24", "subnetId");
        ec2GroupId = ec2Value(
                "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=app&GroupDescription=app&VpcId=" + vpcId,
                "groupId");
        ec2Value(
                "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=" + ec2GroupId
                        + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=22&IpPermissions.1.ToPort=22"
                        + "&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8",
                "securityGroupRuleId");
        ec2Value(
                "Action=CreateNetworkInterface&Version=2016-11-15&SubnetId=" + subnetId + "&SecurityGroupId.1="
                        + ec2GroupId,
                "networkInterfaceId");
    }

    private String ec2Value(String form, String element) {
        return ec2Value(tenantKeys, form, element);
    }

    private String ec2Value(ApiKeys keys, String form, String element) {
        HostileCase.Answer answer = ec2(keys, form);
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

    CloudStackClient otherCloudStack() {
        return other;
    }

    String zoneId() {
        return zoneId;
    }

    String offeringId() {
        return offeringId;
    }

    String networkId() {
        return networkId;
    }

    String groupId() {
        return groupId;
    }

    /** The first tenant's VM's NIC. */
    String nicId() {
        return admin.ok("listNics", "virtualmachineid", vmId)
                .get("nic")
                .get(0)
                .get("id")
                .asText();
    }

    /** The first tenant's VM's NIC as EC2 names it. */
    String ec2VmInterfaceId() {
        return "eni-" + hex17(nicId());
    }

    String ec2VmAttachmentId() {
        return "eni-attach-" + hex17(nicId());
    }

    private static String hex17(String uuid) {
        return uuid.replace("-", "").substring(0, 17);
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

    String subnetId() {
        return subnetId;
    }

    /** The first tenant's VM as EC2 names it: {@code i-} and the first 17 hex digits of its uuid. */
    String ec2InstanceId() {
        return "i-" + hex17(vmId);
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
                if (otherTenant != null) {
                    state.append(admin.ok(command, Params.of("virtualmachineid", otherTenant.vm())))
                            .append('\n');
                }
            }
            state.append(admin.ok(command, params)).append('\n');
        }
        for (String action : List.of(
                "DescribeVpcs",
                "DescribeSubnets",
                "DescribeSecurityGroups",
                "DescribeNetworkInterfaces",
                "DescribeTags")) {
            for (ApiKeys keys : otherKeys == null ? List.of(tenantKeys) : List.of(tenantKeys, otherKeys)) {
                state.append(ec2(keys, "Action=" + action + "&Version=2016-11-15")
                                .body()
                                .replaceAll("<requestId>[^<]*</requestId>", ""))
                        .append('\n');
            }
        }
        return state.toString();
    }

    /** A form POST to the EC2 endpoint, signed with the tenant's keys over exactly these bytes. */
    HostileCase.Answer ec2(String form) {
        return ec2(tenantKeys, form);
    }

    /** The same, signed with the second tenant's keys. */
    HostileCase.Answer ec2AsOther(String form) {
        return ec2(otherKeys, form);
    }

    private HostileCase.Answer ec2(ApiKeys keys, String form) {
        return ec2(keys, form, Clock.systemUTC());
    }

    private HostileCase.Answer ec2(ApiKeys keys, String form, Clock clock) {
        byte[] bytes = form.getBytes(StandardCharsets.ISO_8859_1);
        URI endpoint = server.ec2Uri().orElseThrow().resolve("/");
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(keys.apiKey(), keys.secretKey()))
                        .request(SdkHttpRequest.builder()
                                .method(SdkHttpMethod.POST)
                                .uri(endpoint)
                                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                                .build())
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock))
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

    String tenantSecretKey() {
        return tenantKeys.secretKey();
    }

    String otherApiKey() {
        return otherKeys.apiKey();
    }

    /** A form POST signed by the tenant as at {@code signedAt}, as a request replayed later would be. */
    HostileCase.Answer ec2SignedAt(Instant signedAt, String form) {
        return ec2(tenantKeys, form, Clock.fixed(signedAt, ZoneOffset.UTC));
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
        return answer(client.call(command, params), client);
    }

    /** What a synchronous reply says: its status and CloudStack error code. */
    static HostileCase.Answer answer(CloudStackClient.Reply reply) {
        return answer(reply, null);
    }

    private static HostileCase.Answer answer(CloudStackClient.Reply reply, CloudStackClient client) {
        JsonNode inner = reply.inner();
        if (client != null && reply.status() == 200 && inner.has("jobid")) {
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
        if (body.length > LARGE_BODY) {
            return restAnnouncingOnly(method, base, basic, body.length);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(base)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
        return restAnswer(response.statusCode(), response.body());
    }

    /**
     * A request that announces a large body and then waits for the answer before sending it. The
     * server must refuse on the announced length alone; a client that went on writing would race
     * the server's closing the connection and might read a broken pipe instead of the answer (and
     * Java 17's HttpClient waits forever on {@code Expect: 100-continue} answered with a refusal).
     */
    private HostileCase.Answer restAnnouncingOnly(String method, URI uri, String basic, int length) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = method + " " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Authorization: Basic " + basic + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n"
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int bodyStart = answer.indexOf("\r\n\r\n");
            return restAnswer(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        }
    }

    private static HostileCase.Answer restAnswer(int status, String body) {
        String code = "";
        try {
            JsonNode json = JSON.readTree(body);
            code = json.path("error").path("code").asText("");
        } catch (IOException e) {
            // not JSON: the code stays empty and the status tells
        }
        return new HostileCase.Answer(status, code, body);
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
