package io.weft.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioFleet;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetGroup;
import io.weft.server.dispatch.FleetHost;
import io.weft.server.dispatch.FleetNetwork;
import io.weft.server.dispatch.FleetNic;
import io.weft.server.dispatch.FleetStore;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Page;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.topology.HostService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads S into a real server (embedded H2 and broker) and reads it back as the dispatcher does. */
class ScenarioLoaderTest {
    private static final Scenario SCENARIO = ScenarioGenerator.generate(ScenarioShape.small(), 42);

    @TempDir
    Path dir;

    @Test
    void theDatabaseHoldsTheScenarioAsScenarioFleetDescribesIt() {
        WeftConfig config = WeftConfig.of(
                PopulatedDataDir.loadingSettings(dir, BenchDatabase.h2()).asMap());
        try (WeftServer server = WeftServer.start(config)) {
            ScenarioLoader.Outcome outcome = new ScenarioLoader(server, 2).load(SCENARIO);
            LoadedScenario loaded = outcome.loaded();
            System.out.println(outcome.figures());

            Caller admin = server.injector().getInstance(TenancyBootstrap.class).run();
            assertThat(server.injector().getInstance(HostService.class).list(admin, Optional.of(loaded.zoneId())))
                    .hasSize(100);
            assertThat(server.injector()
                            .getInstance(VirtualMachineService.class)
                            .list(admin, Set.of(), Optional.of(loaded.tenant().accountId()), new Page(0, 1))
                            .total())
                    .isEqualTo(1_000);
            List<SecurityGroupView> groups = server.injector()
                    .getInstance(SecurityGroupService.class)
                    .list(
                            admin,
                            new GroupQuery(
                                    Set.of(),
                                    Set.of(),
                                    Optional.empty(),
                                    Optional.of(loaded.tenant().accountId()),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    false),
                            Page.ALL)
                    .items();
            assertThat(groups).hasSize(200);
            assertThat(groups.stream().mapToInt(g -> g.nicIds().size()).sum()).isEqualTo(3_000);
            assertThat(groups.stream()
                            .mapToInt(g -> g.ingress().size() + g.egress().size())
                            .sum())
                    .isEqualTo(2_000);
            assertThat(outcome.figures().undispatchedChanges()).isZero();

            List<FleetChange> fromDatabase = server.injector()
                    .getInstance(SessionFactory.class)
                    .fromTransaction(session -> new FleetStore(DispatchSettings.defaults()).loadAll(session));
            assertThat(new ScenarioNames(SCENARIO, loaded).view(fromDatabase))
                    .isEqualTo(FleetView.of(ScenarioFleet.changes(SCENARIO)));
        }
    }

    /**
     * A fleet compared by content: rules as sets (the server stores a group's ingress rules before
     * its egress rules, the scenario interleaves them; order means nothing to a security group) and
     * NICs without their tap device, which the server names from the NIC's id.
     */
    record FleetView(
            Set<FleetHost> hosts,
            Set<FleetNetwork> networks,
            Map<String, Set<SecurityGroupRule>> rules,
            Set<FleetNic> nics) {
        static FleetView of(List<FleetChange> changes) {
            Set<FleetHost> hosts = new HashSet<>();
            Set<FleetNetwork> networks = new HashSet<>();
            Map<String, Set<SecurityGroupRule>> rules = new HashMap<>();
            Set<FleetNic> nics = new HashSet<>();
            for (FleetChange change : changes) {
                if (change instanceof FleetChange.PutHost put) {
                    hosts.add(put.host());
                } else if (change instanceof FleetChange.PutNetwork put) {
                    networks.add(put.network());
                } else if (change instanceof FleetChange.PutGroup put) {
                    assertThat(put.group().egressDefault()).isEqualTo(EgressDefault.EXPLICIT_RULES_ONLY);
                    rules.put(put.group().groupId(), Set.copyOf(put.group().rules()));
                } else if (change instanceof FleetChange.PutNic put) {
                    nics.add(withoutTap(put.nic()));
                } else {
                    throw new AssertionError("a load makes only puts, not " + change);
                }
            }
            return new FleetView(hosts, networks, rules, nics);
        }

        private static FleetNic withoutTap(FleetNic nic) {
            return new FleetNic(
                    nic.nicId(),
                    nic.networkId(),
                    nic.hostId(),
                    nic.mac(),
                    nic.ips(),
                    nic.allowedAddressPairs(),
                    nic.portSecurityEnabled(),
                    nic.securityGroupIds(),
                    "");
        }
    }

    /** The server's ids turned back into the scenario's names, which ScenarioFleet uses as ids. */
    private static final class ScenarioNames {
        private final Map<String, String> names = new HashMap<>();

        ScenarioNames(Scenario scenario, LoadedScenario loaded) {
            for (int i = 0; i < scenario.hosts().size(); i++) {
                names.put(
                        loaded.hosts().get(i).hostId().toString(),
                        scenario.host(i).name());
            }
            for (int i = 0; i < scenario.networks().size(); i++) {
                names.put(
                        loaded.networks().get(i).toString(), scenario.network(i).name());
            }
            for (int i = 0; i < scenario.groups().size(); i++) {
                names.put(loaded.groups().get(i).toString(), scenario.group(i).name());
            }
            for (int i = 0; i < scenario.nics().size(); i++) {
                names.put(
                        loaded.nics().get(i).toString(),
                        "nic-" + scenario.nics().get(i).vmName());
            }
        }

        FleetView view(List<FleetChange> changes) {
            return FleetView.of(changes.stream().map(this::renamed).toList());
        }

        private FleetChange renamed(FleetChange change) {
            if (change instanceof FleetChange.PutHost put) {
                FleetHost host = put.host();
                return new FleetChange.PutHost(
                        new FleetHost(name(host.hostId()), host.tunnelEndpoint(), host.bridge()));
            }
            if (change instanceof FleetChange.PutNetwork put) {
                return new FleetChange.PutNetwork(new FleetNetwork(
                        name(put.network().networkId()), put.network().segment()));
            }
            if (change instanceof FleetChange.PutGroup put) {
                FleetGroup group = put.group();
                return new FleetChange.PutGroup(
                        new FleetGroup(
                                name(group.groupId()),
                                group.egressDefault(),
                                group.rules().stream().map(this::renamed).toList()),
                        false);
            }
            if (change instanceof FleetChange.PutNic put) {
                FleetNic nic = put.nic();
                return new FleetChange.PutNic(new FleetNic(
                        name(nic.nicId()),
                        name(nic.networkId()),
                        nic.hostId().map(this::name),
                        nic.mac(),
                        nic.ips(),
                        nic.allowedAddressPairs(),
                        nic.portSecurityEnabled(),
                        nic.securityGroupIds().stream().map(this::name).toList(),
                        nic.tapDevice()));
            }
            return change;
        }

        private SecurityGroupRule renamed(SecurityGroupRule rule) {
            if (rule.remote() instanceof RemoteSide.RemoteGroup group) {
                return new SecurityGroupRule(
                        rule.direction(),
                        rule.etherType(),
                        rule.protocol(),
                        rule.ports(),
                        rule.icmp(),
                        RemoteSide.group(name(group.groupId())));
            }
            return rule;
        }

        private String name(String serverId) {
            String name = names.get(serverId);
            assertThat(name)
                    .as("a scenario object for the server's %s", serverId)
                    .isNotNull();
            return name;
        }
    }
}
