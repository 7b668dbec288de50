package io.weft.lab.scenario;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.lab.harness.LabCloud;
import io.weft.lab.harness.WeftLab;
import io.weft.lab.infra.Vm;
import io.weft.lab.scenario.IntendedRules.IngressRule;
import io.weft.lab.scenario.IntendedRules.Probe;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two tenants on two namespace hypervisors, built only through the CloudStack API over HTTP
 * ({@link LabCloud} does the operator's part):
 *
 * <pre>
 * alice: network alice-net (VXLAN, 10.10.0.0/24); groups
 *        web: ICMP echo from 0.0.0.0/0
 *        app: TCP 8080 from members of web
 *        vm a1 (hv1, .11, web), a2 (hv2, .12, web + app)
 * bob:   network bob-net (GRE, the same 10.10.0.0/24); group
 *        db: TCP 8080 from 10.10.0.21/32
 *        vm b1 (hv1, .21, db), b2 (hv2, .22, db)
 * </pre>
 *
 * Expected: a1 → a2 ping and TCP, a2 → a1 ping only, b1 → b2 TCP only, b2 → b1 nothing, nothing
 * between tenants (same addresses, different networks). {@link #expected()} derives that from the
 * same intent written down separately ({@link IntendedRules}), to compare with the packets.
 */
public final class TwoTenantScenario {
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);
    private static final String PORT = Integer.toString(IntendedRules.TCP_PORT);

    private final LabCloud cloud;
    private final IntendedRules rules = new IntendedRules();
    private final Map<String, String> groupIds = new LinkedHashMap<>();
    private final List<Vm> vms = new ArrayList<>();
    private final CloudStackClient alice;
    private final CloudStackClient bob;
    private String icmpRuleId;

    private TwoTenantScenario(LabCloud cloud) {
        this.cloud = requireNonNull(cloud, "cloud is null");
        this.alice = cloud.tenant("alice");
        this.bob = cloud.tenant("bob");
    }

    /** Builds the scenario on two new hypervisors and waits until every agent has applied it. */
    public static TwoTenantScenario build(WeftLab weft) {
        TwoTenantScenario scenario = new TwoTenantScenario(LabCloud.create(weft, List.of("hv1", "hv2")));
        scenario.createGroupsAndRules();
        scenario.deployVms();
        scenario.awaitConverged();
        return scenario;
    }

    private void createGroupsAndRules() {
        groupIds.put("web", LabCloud.createGroup(alice, "web"));
        groupIds.put("app", LabCloud.createGroup(alice, "app"));
        groupIds.put("db", LabCloud.createGroup(bob, "db"));

        JsonNode web = cloud.job(
                alice,
                "authorizeSecurityGroupIngress",
                Params.of("securitygroupid", groupIds.get("web"))
                        .and("protocol", "ICMP")
                        .and("icmptype", "8")
                        .and("icmpcode", "0")
                        .and("cidrlist", "0.0.0.0/0"));
        icmpRuleId = web.path("jobresult")
                .path("securitygroup")
                .path("ingressrule")
                .get(0)
                .path("ruleid")
                .asText();
        rules.addRule("web", IngressRule.fromCidr(Probe.PING, "0.0.0.0/0"));

        cloud.job(
                alice,
                "authorizeSecurityGroupIngress",
                Params.of("securitygroupid", groupIds.get("app"))
                        .and("protocol", "TCP")
                        .and("startport", PORT)
                        .and("endport", PORT)
                        .and("usersecuritygrouplist[0].account", "alice")
                        .and("usersecuritygrouplist[0].group", "web"));
        rules.addRule("app", IngressRule.fromGroup(Probe.TCP, "web"));

        cloud.job(
                bob,
                "authorizeSecurityGroupIngress",
                Params.of("securitygroupid", groupIds.get("db"))
                        .and("protocol", "TCP")
                        .and("startport", PORT)
                        .and("endport", PORT)
                        .and("cidrlist", "10.10.0.21/32"));
        rules.addRule("db", IngressRule.fromCidr(Probe.TCP, "10.10.0.21/32"));
    }

    private void deployVms() {
        String aliceNet = cloud.createNetwork(alice, "alice-net", "VXLAN");
        String bobNet = cloud.createNetwork(bob, "bob-net", "GRE");
        deploy("a1", "alice", aliceNet, "hv1", "10.10.0.11", "web");
        deploy("a2", "alice", aliceNet, "hv2", "10.10.0.12", "web", "app");
        deploy("b1", "bob", bobNet, "hv1", "10.10.0.21", "db");
        deploy("b2", "bob", bobNet, "hv2", "10.10.0.22", "db");
        ReachabilityMatrix.listenEverywhere(vms);
    }

    private void deploy(String name, String account, String networkId, String host, String ip, String... groups) {
        List<String> ids = List.of(groups).stream().map(groupIds::get).toList();
        vms.add(cloud.deploy(name, account, networkId, host, ip, ids));
        rules.placeVm(name, networkId, ip, List.of(groups));
    }

    /** Waits until every change made so far is applied everywhere and the fleet is at rest. */
    public void awaitConverged() {
        cloud.weft().awaitApplied(cloud.changes(), CONVERGENCE);
        cloud.weft().awaitConverged(CONVERGENCE);
    }

    /** Live change 1: alice revokes web's ICMP rule, so nobody may ping alice's VMs any more. */
    public void revokeIcmpFromWeb() {
        cloud.job(alice, "revokeSecurityGroupIngress", "id", icmpRuleId);
        rules.removeRule("web", IngressRule.fromCidr(Probe.PING, "0.0.0.0/0"));
    }

    /** Live change 2: alice puts a1 in web and app, so a2 (in web) may now reach a1 on TCP. */
    public void putA1InWebAndApp() {
        alice.ok(
                "updateVirtualMachine",
                "id",
                cloud.vmId("a1"),
                "securitygroupids",
                groupIds.get("web") + "," + groupIds.get("app"));
        rules.regroup("a1", List.of("web", "app"));
    }

    /** Live change 3: alice stops a2, so its NIC leaves hv2 and its address leaves web's sets. */
    public void stopA2() {
        cloud.job(alice, "stopVirtualMachine", "id", cloud.vmId("a2"));
        rules.stop("a2");
    }

    /** Live change 4: alice starts a2 again on the same host, so everything it had comes back. */
    public void startA2() {
        cloud.job(cloud.weft().admin(), "startVirtualMachine", "id", cloud.vmId("a2"), "hostid", cloud.hostId("hv2"));
        rules.start("a2");
    }

    /** The ipset members on a hypervisor, read from the kernel inside its namespace. */
    public String ipsetMembers(String hypervisor) {
        return cloud.hypervisor(hypervisor).exec("ipset", "list").stdout();
    }

    public ReachabilityMatrix measured() {
        return ReachabilityMatrix.measure(vms);
    }

    public ReachabilityMatrix expected() {
        return ReachabilityMatrix.expected(vms, rules);
    }

    public List<Vm> vms() {
        return List.copyOf(vms);
    }
}
