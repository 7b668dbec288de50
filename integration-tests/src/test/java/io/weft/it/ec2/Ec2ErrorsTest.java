package io.weft.it.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.tenancy.UserKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** Every documented error reaches the SDK as an {@code Ec2Exception} with its code and HTTP status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2ErrorsTest {
    private static final String MISSING_VPC = "vpc-00000000000000000";

    private TwoTenants tenants;
    private Ec2Server weft;
    private UserKeys aliceKeys;
    private Ec2Client alice;
    private Ec2Client bob;

    @BeforeAll
    void start(@TempDir Path dir) {
        tenants = TwoTenants.start(dir);
        weft = tenants.weft();
        aliceKeys = tenants.aliceKeys();
        alice = tenants.alice();
        bob = tenants.bob();
    }

    @AfterAll
    void stop() {
        if (tenants != null) {
            tenants.close();
        }
    }

    private static void assertEc2Error(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.requestId()).isNotBlank();
        });
    }

    private static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).build())
                .build();
    }

    @Test
    void notFoundCodesNameTheKindOfResource() {
        assertEc2Error(() -> alice.describeVpcs(r -> r.vpcIds(MISSING_VPC)), 400, "InvalidVpcID.NotFound");
        assertEc2Error(
                () -> alice.deleteSubnet(r -> r.subnetId("subnet-00000000000000000")), 400, "InvalidSubnetID.NotFound");
        assertEc2Error(
                () -> alice.describeSecurityGroups(r -> r.groupIds("sg-00000000000000000")),
                400,
                "InvalidGroup.NotFound");
        assertEc2Error(
                () -> alice.deleteNetworkInterface(r -> r.networkInterfaceId("eni-00000000000000000")),
                400,
                "InvalidNetworkInterfaceID.NotFound");
        assertEc2Error(
                () -> alice.createSubnet(r -> r.vpcId(MISSING_VPC).cidrBlock("10.0.0.0/24")),
                400,
                "InvalidVpcID.NotFound");
        assertEc2Error(() -> alice.describeVpcs(r -> r.vpcIds("vpc-nothex")), 400, "InvalidVpcID.Malformed");
    }

    @Test
    void conflictsDuplicatesAndDependencies() {
        String vpc = alice.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String subnet = alice.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.1.0/24"))
                .subnet()
                .subnetId();
        String group = alice.createSecurityGroup(
                        r -> r.groupName("app").description("app").vpcId(vpc))
                .groupId();
        String other = alice.createSecurityGroup(
                        r -> r.groupName("other").description("other").vpcId(vpc))
                .groupId();

        assertEc2Error(
                () -> alice.createSecurityGroup(
                        r -> r.groupName("app").description("again").vpcId(vpc)),
                400,
                "InvalidGroup.Duplicate");
        alice.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(tcp(80, "0.0.0.0/0")));
        assertEc2Error(
                () -> alice.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(tcp(80, "0.0.0.0/0"))),
                400,
                "InvalidPermission.Duplicate");
        assertEc2Error(
                () -> alice.revokeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(tcp(81, "0.0.0.0/0"))),
                400,
                "InvalidPermission.NotFound");
        assertEc2Error(
                () -> alice.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.1.128/25")), 400, "InvalidSubnet.Conflict");
        assertEc2Error(() -> alice.createVpc(r -> r.cidrBlock("10.0.0.0/8")), 400, "InvalidVpc.Range");

        // A group referenced by another group's rule, or holding an interface, stays.
        alice.authorizeSecurityGroupIngress(r -> r.groupId(other)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("-1")
                        .userIdGroupPairs(
                                UserIdGroupPair.builder().groupId(group).build())
                        .build()));
        assertEc2Error(() -> alice.deleteSecurityGroup(r -> r.groupId(group)), 400, "DependencyViolation");
        String eni = alice.createNetworkInterface(r -> r.subnetId(subnet).groups(other))
                .networkInterface()
                .networkInterfaceId();
        assertEc2Error(() -> alice.deleteSecurityGroup(r -> r.groupId(other)), 400, "DependencyViolation");
        assertEc2Error(() -> alice.deleteSubnet(r -> r.subnetId(subnet)), 400, "DependencyViolation");
        assertEc2Error(() -> alice.deleteVpc(r -> r.vpcId(vpc)), 400, "DependencyViolation");
        String defaultGroup = alice.describeSecurityGroups(r -> r.filters(
                        Filter.builder().name("vpc-id").values(vpc).build(),
                        Filter.builder().name("group-name").values("default").build()))
                .securityGroups()
                .get(0)
                .groupId();
        assertEc2Error(() -> alice.deleteSecurityGroup(r -> r.groupId(defaultGroup)), 400, "CannotDelete");

        // Quotas: 5 groups per interface, 60 rules per group and direction
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            six.add(alice.createSecurityGroup(
                            r -> r.groupName("g" + n).description("g").vpcId(vpc))
                    .groupId());
        }
        assertEc2Error(
                () -> alice.modifyNetworkInterfaceAttribute(
                        r -> r.networkInterfaceId(eni).groups(six)),
                400,
                "SecurityGroupsPerInterfaceLimitExceeded");
        List<IpPermission> sixty = new ArrayList<>();
        for (int port = 1; port <= 60; port++) {
            sixty.add(tcp(1000 + port, "10.0.0.0/8"));
        }
        alice.authorizeSecurityGroupIngress(r -> r.groupId(six.get(0)).ipPermissions(sixty));
        assertEc2Error(
                () -> alice.authorizeSecurityGroupIngress(
                        r -> r.groupId(six.get(0)).ipPermissions(tcp(22, "10.0.0.0/8"))),
                400,
                "RulesPerSecurityGroupLimitExceeded");
    }

    @Test
    void requestProblems() {
        assertEc2Error(
                () -> alice.describeVpcs(r ->
                        r.filters(Filter.builder().name("colour").values("red").build())),
                400,
                "InvalidParameterValue");
        assertEc2Error(() -> alice.describeVpcs(r -> r.maxResults(4)), 400, "InvalidParameterValue");
        assertEc2Error(() -> alice.createVpc(r -> {}), 400, "MissingParameter");
        assertEc2Error(() -> alice.describeVpcs(r -> r.maxResults(5).nextToken("bogus")), 400, "InvalidNextToken");
    }

    @Test
    void dryRunChecksAuthorizationAndChangesNothing() {
        String vpc = alice.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();

        assertEc2Error(() -> alice.deleteVpc(r -> r.vpcId(vpc).dryRun(true)), 412, "DryRunOperation");
        assertEc2Error(() -> bob.deleteVpc(r -> r.vpcId(vpc).dryRun(true)), 403, "UnauthorizedOperation");
        assertThat(alice.describeVpcs(r -> r.vpcIds(vpc)).vpcs()).hasSize(1);
    }

    @Test
    void authenticationFailures() {
        try (Ec2Client stranger = weft.client("AKIDUNKNOWN", "secret");
                Ec2Client forger = weft.client(aliceKeys.apiKey(), "not-the-secret")) {
            assertEc2Error(stranger::describeVpcs, 401, "AuthFailure");
            assertEc2Error(forger::describeVpcs, 403, "SignatureDoesNotMatch");
        }
    }

    /** What the SDK cannot be made to send: an unknown action, and a request signed 20 minutes ago. */
    @Test
    void rawSignedRequests() throws Exception {
        HttpResponse<String> unknown = signedPost("Action=RunInstances&Version=2016-11-15", Instant.now());
        HttpResponse<String> stale = signedPost(
                "Action=DescribeVpcs&Version=2016-11-15", Instant.now().minusSeconds(20 * 60));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("<Code>InvalidAction</Code>");
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("<Code>RequestExpired</Code>");
    }

    private HttpResponse<String> signedPost(String body, Instant at) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI endpoint = weft.endpoint.resolve("/");
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(aliceKeys.apiKey(), aliceKeys.secretKey()))
                        .request(SdkHttpRequest.builder()
                                .method(SdkHttpMethod.POST)
                                .uri(endpoint)
                                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                                .build())
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "weft-test-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
