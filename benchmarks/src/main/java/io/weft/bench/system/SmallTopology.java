package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import io.weft.lab.harness.AdvancedZone;
import io.weft.server.WeftServer;
import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NewNetwork;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.NewAccount;
import io.weft.server.tenancy.NewUser;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.tenancy.UserService;
import io.weft.server.topology.AddedHost;
import io.weft.server.topology.HostService;
import io.weft.server.topology.HostSpec;
import io.weft.server.topology.HypervisorType;
import io.weft.server.topology.IsolationType;
import io.weft.server.topology.SegmentRange;
import io.weft.server.topology.ZoneService;
import io.weft.testsupport.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A small fleet made through the server's services: hosts, one tenant with its keys, a /24 network
 * per ten hosts, groups whose rules admit each other (so a membership change reaches the hosts that
 * reference the group, not only the NIC's own), and VMs spread evenly over the hosts with one NIC
 * each. Stands in for a loaded scenario in tests and in runs that need no particular shape.
 */
public final class SmallTopology implements LoadTarget {
    private static final int HOSTS_PER_NETWORK = 10;

    private final WeftServer server;
    private final ApiKeys tenantKeys;
    private final ApiKeys operatorKeys;
    private final List<AgentLogin> agents;
    private final List<String> groups;
    private final List<ChangeableVm> vms;
    private final String plugNetwork;

    private SmallTopology(
            WeftServer server,
            ApiKeys tenantKeys,
            ApiKeys operatorKeys,
            List<AgentLogin> agents,
            List<String> groups,
            List<ChangeableVm> vms,
            String plugNetwork) {
        this.server = server;
        this.tenantKeys = tenantKeys;
        this.operatorKeys = operatorKeys;
        this.agents = List.copyOf(agents);
        this.groups = List.copyOf(groups);
        this.vms = List.copyOf(vms);
        this.plugNetwork = plugNetwork;
    }

    /**
     * Builds it on a running server with an empty database: {@code hosts} hosts, {@code vmsPerHost}
     * VMs on each and {@code groups} groups, each NIC in one of them.
     */
    public static SmallTopology build(WeftServer server, int hosts, int vmsPerHost, int groups) {
        requireNonNull(server, "server is null");
        if (hosts < 1 || hosts > 60_000 || vmsPerHost < 1 || groups < 2) {
            throw new IllegalArgumentException("need 1-60,000 hosts, a VM per host and two groups at least");
        }
        Caller root = server.injector().getInstance(TenancyBootstrap.class).run();
        ApiKeys operator = ApiKeys.fromCredentialsFile(server.adminCredentialsFile());
        AccountView tenant = server.injector()
                .getInstance(AccountService.class)
                .create(
                        root,
                        new NewAccount(
                                Optional.empty(),
                                Optional.of("bench"),
                                Role.USER,
                                new NewUser(
                                        "bench",
                                        "bench-" + UUID.randomUUID(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));
        UserKeys keys = server.injector()
                .getInstance(UserService.class)
                .registerKeys(root, tenant.users().get(0).id());
        UUID zone = server.injector()
                .getInstance(ZoneService.class)
                .create(root, AdvancedZone.named("bench-zone", new SegmentRange(IsolationType.VXLAN, 5000, 15999)))
                .id();

        List<AgentLogin> agents = new ArrayList<>();
        HostService hostService = server.injector().getInstance(HostService.class);
        for (int h = 0; h < hosts; h++) {
            AddedHost added = hostService.add(
                    root,
                    new HostSpec(
                            zone,
                            Optional.empty(),
                            Optional.empty(),
                            String.format("hv-%05d", h),
                            "10.200." + (h / 250) + "." + (h % 250 + 1),
                            HypervisorType.KVM));
            agents.add(new AgentLogin(
                    added.host().id().toString(),
                    added.credential().user(),
                    added.credential().secret()));
        }

        NetworkService networks = server.injector().getInstance(NetworkService.class);
        List<UUID> networkIds = new ArrayList<>();
        int networkCount = (hosts + HOSTS_PER_NETWORK - 1) / HOSTS_PER_NETWORK;
        for (int n = 0; n <= networkCount; n++) {
            networkIds.add(
                    networks.create(root, network(tenant.id(), zone, n)).value().id());
        }
        UUID plugNetwork = networkIds.remove(networkIds.size() - 1);

        SecurityGroupService groupService = server.injector().getInstance(SecurityGroupService.class);
        List<UUID> groupIds = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            groupIds.add(groupService
                    .create(
                            root,
                            new NewSecurityGroup(
                                    Optional.of(tenant.id()),
                                    String.format("group-%05d", g),
                                    Optional.empty(),
                                    EgressPolicy.CLOUDSTACK,
                                    Optional.empty()))
                    .value()
                    .id());
        }
        for (int g = 0; g < groups; g++) {
            groupService.authorize(
                    root,
                    groupIds.get(g),
                    RuleDirection.INGRESS,
                    List.of(
                            RuleRequest.tcp(22, 22).fromCidrs("192.0.2.0/24"),
                            RuleRequest.tcp(8080, 8080).fromGroups(GroupRef.id(groupIds.get((g + 1) % groups)))));
        }

        VirtualMachineService vmService = server.injector().getInstance(VirtualMachineService.class);
        List<ChangeableVm> vms = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            UUID host = UUID.fromString(agents.get(h).hostId());
            UUID network = networkIds.get(h / HOSTS_PER_NETWORK);
            for (int v = 0; v < vmsPerHost; v++) {
                UUID group = groupIds.get((h * vmsPerHost + v) % groups);
                VirtualMachineView vm = vmService
                        .register(
                                root,
                                new NewVirtualMachine(
                                        Optional.of(tenant.id()),
                                        zone,
                                        Optional.of(host),
                                        String.format("vm-%05d-%d", h, v),
                                        Optional.empty(),
                                        List.of(new NicSpec(
                                                network,
                                                Optional.empty(),
                                                Optional.empty(),
                                                Optional.empty(),
                                                Optional.of(List.of(GroupRef.id(group))),
                                                true,
                                                List.of(),
                                                Optional.empty()))))
                        .value();
                vms.add(new ChangeableVm(
                        vm.id().toString(), vm.nics().get(0).id().toString(), List.of(group.toString())));
            }
        }
        return new SmallTopology(
                server,
                new ApiKeys(keys.apiKey(), keys.secretKey()),
                operator,
                agents,
                groupIds.stream().map(UUID::toString).toList(),
                vms,
                plugNetwork.toString());
    }

    /** A /24 per network: 10.(100 + n / 256).(n % 256).0/24. */
    private static NewNetwork network(UUID account, UUID zone, int n) {
        return new NewNetwork(
                Optional.of(account),
                zone,
                String.format("net-%05d", n),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "10." + (100 + n / 256) + "." + (n % 256) + ".0/24",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Override
    public WeftServer server() {
        return server;
    }

    @Override
    public ApiKeys tenantKeys() {
        return tenantKeys;
    }

    @Override
    public ApiKeys operatorKeys() {
        return operatorKeys;
    }

    @Override
    public List<AgentLogin> agents() {
        return agents;
    }

    @Override
    public List<String> ruleGroups() {
        return groups;
    }

    @Override
    public List<String> memberGroups() {
        return groups;
    }

    @Override
    public List<ChangeableVm> vms() {
        return vms;
    }

    @Override
    public Optional<String> plugNetwork() {
        return Optional.of(plugNetwork);
    }
}
