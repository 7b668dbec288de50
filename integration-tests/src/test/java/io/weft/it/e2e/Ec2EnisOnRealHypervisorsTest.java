package io.weft.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.it.RealDataplane;
import io.weft.lab.harness.LabAgent;
import io.weft.lab.harness.LabCloud;
import io.weft.lab.harness.WeftLab;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Vm;
import io.weft.lab.infra.VmSpec;
import io.weft.lab.scenario.IntendedRules;
import io.weft.lab.scenario.IntendedRules.IngressRule;
import io.weft.lab.scenario.IntendedRules.Probe;
import io.weft.lab.scenario.ReachabilityMatrix;
import io.weft.rules.render.OvsVsctlCommands;
import io.weft.server.compute.NicQuery;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicView;
import io.weft.server.service.Page;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.NewAccount;
import io.weft.server.tenancy.NewUser;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.tenancy.UserService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Issue 7 acceptance: with real agents on namespace hypervisors, ENIs that a tenant creates through
 * the unmodified AWS SDK get the reachability their security groups describe, measured with
 * packets, and a live {@code ModifyNetworkInterfaceAttribute} that replaces an ENI's groups changes
 * it. The operator's part (zone, hosts, agents) is {@link LabCloud}'s; the compute side's part is
 * done as it would be: each ENI's port is bound to a host as root, and the lab VM appears behind
 * the NIC's tap with its MAC and address.
 *
 * <pre>
 * alice: VPC 10.30.0.0/16, subnet 10.30.1.0/24 in the lab zone; groups
 *        client: no ingress rules
 *        server: ICMP and TCP 8080 from members of client
 *        ENI c1 (hv1, client), s1 (hv2, server), s2 (hv1, server)
 * then:  s1's groups are replaced by [client]
 * last:  everything is deleted through EC2: the agents remove the ports, nothing reaches anything
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ec2EnisOnRealHypervisorsTest {
    private static final Duration CONVERGENCE = Duration.ofSeconds(180);
    private static final String SUBNET = "10.30.1.0/24";

    private WeftLab weft;
    private LabCloud cloud;
    private Ec2Client ec2;
    private Caller root;
    private NicService nics;
    private String vpcId;
    private String subnetId;
    private final IntendedRules rules = new IntendedRules();
    private final Map<String, String> groupIds = new LinkedHashMap<>();
    private final Map<String, String> eniIds = new LinkedHashMap<>();
    private final List<Vm> vms = new ArrayList<>();

    @BeforeAll
    void buildTheScenarioThroughTheEc2Api() {
        RealDataplane.requireOrSkip();
        weft = WeftLab.start();
        cloud = LabCloud.create(weft, List.of("hv1", "hv2"));
        root = weft.server().injector().getInstance(TenancyBootstrap.class).run();
        nics = weft.server().injector().getInstance(NicService.class);
        ec2 = ec2Client(tenantKeys("alice"));

        vpcId = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(SUBNET).availabilityZone("lab-zone"))
                .subnet()
                .subnetId();
        createGroups(vpcId);
        plug("c1", "hv1", "client");
        plug("s1", "hv2", "server");
        plug("s2", "hv1", "server");
        ReachabilityMatrix.listenEverywhere(vms);
        weft.awaitConverged(CONVERGENCE);
    }

    @AfterAll
    void removeEverything() {
        if (ec2 != null) {
            ec2.close();
        }
        if (weft != null) {
            weft.close();
        }
    }

    private UserKeys tenantKeys(String name) {
        AccountView account = weft.server()
                .injector()
                .getInstance(AccountService.class)
                .create(
                        root,
                        new NewAccount(
                                Optional.empty(),
                                Optional.of(name),
                                Role.USER,
                                new NewUser(
                                        name,
                                        "lab-" + name + "-password",
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));
        return weft.server()
                .injector()
                .getInstance(UserService.class)
                .registerKeys(root, account.users().get(0).id());
    }

    private Ec2Client ec2Client(UserKeys keys) {
        return Ec2Client.builder()
                .endpointOverride(weft.server().ec2Uri().orElseThrow())
                .region(Region.of("weft-lab-1"))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.apiKey(), keys.secretKey())))
                .overrideConfiguration(
                        c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    private void createGroups(String vpc) {
        groupIds.put(
                "client",
                ec2.createSecurityGroup(r ->
                                r.groupName("client").description("clients").vpcId(vpc))
                        .groupId());
        groupIds.put(
                "server",
                ec2.createSecurityGroup(r ->
                                r.groupName("server").description("servers").vpcId(vpc))
                        .groupId());
        UserIdGroupPair fromClients =
                UserIdGroupPair.builder().groupId(groupIds.get("client")).build();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupIds.get("server"))
                .ipPermissions(
                        IpPermission.builder()
                                .ipProtocol("icmp")
                                .fromPort(-1)
                                .toPort(-1)
                                .userIdGroupPairs(fromClients)
                                .build(),
                        IpPermission.builder()
                                .ipProtocol("tcp")
                                .fromPort(IntendedRules.TCP_PORT)
                                .toPort(IntendedRules.TCP_PORT)
                                .userIdGroupPairs(fromClients)
                                .build()));
        rules.addRule("server", IngressRule.fromGroup(Probe.PING, "client"));
        rules.addRule("server", IngressRule.fromGroup(Probe.TCP, "client"));
    }

    /**
     * Creates the ENI through EC2, binds its port to the hypervisor's host as root, and creates the
     * lab VM behind the NIC's tap with the NIC's MAC and address.
     */
    private void plug(String name, String hypervisorName, String group) {
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId).groups(groupIds.get(group)))
                .networkInterface()
                .networkInterfaceId();
        eniIds.put(name, eni);
        NicView nic = nicOf(eni);
        nics.bind(root, nic.id(), UUID.fromString(cloud.hostId(hypervisorName)));
        Hypervisor hypervisor = cloud.hypervisor(hypervisorName);
        String ip = nic.ipAddress().orElseThrow();
        vms.add(weft.lab()
                .addVm(
                        hypervisor,
                        VmSpec.of(name, nic.tapName(), nic.macAddress(), ip + "/" + prefixLength(nic.netmask()))));
        weft.agents().stream().filter(a -> a.hypervisor() == hypervisor).forEach(LabAgent::devicesChanged);
        rules.placeVm(name, subnetId, ip, List.of(group));
    }

    /** The NIC behind an ENI ID: the ID is {@code eni-} and the UUID's first 17 hex digits. */
    private NicView nicOf(String eni) {
        List<NicView> matching = nics.list(root, NicQuery.all(), Page.ALL).items().stream()
                .filter(n ->
                        eni.equals("eni-" + n.id().toString().replace("-", "").substring(0, 17)))
                .toList();
        assertThat(matching).as("the NIC behind %s", eni).hasSize(1);
        return matching.get(0);
    }

    private static int prefixLength(String netmask) {
        int bits = 0;
        for (String octet : netmask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(octet));
        }
        return bits;
    }

    @Test
    @Order(1)
    void measuredReachabilityEqualsWhatTheGroupsDescribe() {
        ReachabilityMatrix expected = ReachabilityMatrix.expected(vms, rules);
        // Not trivial: open cells both ways between client and servers, and closed ones.
        assertThat(expected.cell("c1", "s1")).containsExactlyInAnyOrder(Probe.PING, Probe.TCP);
        assertThat(expected.cell("c1", "s2")).containsExactlyInAnyOrder(Probe.PING, Probe.TCP);
        assertThat(expected.cell("s1", "c1")).isEmpty();
        assertThat(expected.cell("s1", "s2")).isEmpty();

        assertMeasuredEqualsExpected();
    }

    @Test
    @Order(2)
    void replacingAnEnisGroupsLiveChangesWhatReachesIt() {
        ec2.modifyNetworkInterfaceAttribute(
                r -> r.networkInterfaceId(eniIds.get("s1")).groups(groupIds.get("client")));
        rules.regroup("s1", List.of("client"));
        weft.awaitConverged(CONVERGENCE);

        assertThat(ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eniIds.get("s1")))
                        .networkInterfaces()
                        .get(0)
                        .groups())
                .extracting(g -> g.groupId())
                .containsExactly(groupIds.get("client"));
        ReachabilityMatrix expected = ReachabilityMatrix.expected(vms, rules);
        // s1 left server (nothing reaches it now) and joined client (it now reaches s2).
        assertThat(expected.cell("c1", "s1")).isEmpty();
        assertThat(expected.cell("s1", "s2")).containsExactlyInAnyOrder(Probe.PING, Probe.TCP);
        assertThat(expected.cell("c1", "s2")).containsExactlyInAnyOrder(Probe.PING, Probe.TCP);

        assertMeasuredEqualsExpected();
    }

    @Test
    @Order(3)
    void deletingEverythingThroughEc2RemovesThePortsAndTheReachability() {
        assertThat(nicPorts(cloud.hypervisor("hv1"))).hasSize(2);
        assertThat(nicPorts(cloud.hypervisor("hv2"))).hasSize(1);

        eniIds.values().forEach(eni -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni)));
        // server's rules name client, so server goes first (EC2 answers DependencyViolation otherwise).
        List.of("server", "client").forEach(group -> ec2.deleteSecurityGroup(r -> r.groupId(groupIds.get(group))));
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        weft.awaitConverged(CONVERGENCE);

        assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).isEmpty();
        assertThat(ec2.describeVpcs().vpcs()).isEmpty();
        assertThat(nicPorts(cloud.hypervisor("hv1"))).isEmpty();
        assertThat(nicPorts(cloud.hypervisor("hv2"))).isEmpty();
        ReachabilityMatrix measured = ReachabilityMatrix.measure(vms);
        for (Vm source : vms) {
            for (Vm destination : vms) {
                if (source != destination) {
                    assertThat(measured.cell(source.name(), destination.name()))
                            .as("%s -> %s once the ENIs are gone:%n%s", source.name(), destination.name(), measured)
                            .isEmpty();
                }
            }
        }
    }

    /** The OVS interfaces on a hypervisor that the agent created for Weft NICs. */
    private static List<String> nicPorts(Hypervisor hypervisor) {
        return hypervisor
                .vsctl("--bare", "--columns=external_ids", "list", "Interface")
                .stdout()
                .lines()
                .filter(line -> line.contains(OvsVsctlCommands.NIC_KEY + "="))
                .toList();
    }

    private void assertMeasuredEqualsExpected() {
        ReachabilityMatrix expected = ReachabilityMatrix.expected(vms, rules);
        ReachabilityMatrix measured = ReachabilityMatrix.measure(vms);
        assertThat(measured.differences(expected))
                .as("measured:%n%s%nexpected:%n%s", measured.render(), expected.render())
                .isEmpty();
    }
}
