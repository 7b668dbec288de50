package io.weft.it.agent;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.weft.agent.core.HostAgent;
import io.weft.agent.dataplane.linux.LinuxDataplane;
import io.weft.agent.dataplane.linux.LinuxHostConfig;
import io.weft.agent.process.ProcessCommandRunner;
import io.weft.agent.state.StateStore;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Vm;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.NetworkView;
import io.weft.rules.model.RemoteNic;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.Segment;
import io.weft.rules.state.HostDesiredState;
import io.weft.server.dispatch.SentState;
import io.weft.server.dispatch.UpdatePlanner;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test playing the management server for a lab: it knows where each VM's NIC is, which network
 * and groups it has, compiles each hypervisor's model with the rules-engine, and sends FULL or DELTA
 * updates (made by the server's own {@link UpdatePlanner}) to one agent per hypervisor, each
 * programming its hypervisor's namespace and OVS through the Linux driver.
 */
final class LabWorld {
    static final String BRIDGE = "br-int";

    record Network(String id, Segment segment) {}

    record Placement(Vm vm, String nicId, Network network, List<String> groups) {
        Placement {
            groups = List.copyOf(groups);
        }
    }

    final class HostSide {
        final Hypervisor hypervisor;
        final Path stateDir;
        final List<HostMessage> sent = new CopyOnWriteArrayList<>();
        LinuxDataplane dataplane;
        HostAgent agent;
        SentState lastSent;

        HostSide(Hypervisor hypervisor, Path stateDir) {
            this.hypervisor = hypervisor;
            this.stateDir = stateDir;
        }

        /** A new agent process on the same state directory, as after a crash or an upgrade. */
        HostAgent startAgent() {
            dataplane = new LinuxDataplane(
                    new ProcessCommandRunner(),
                    LinuxHostConfig.forRunDir(hypervisor.runDir(), Optional.of(hypervisor.namespace()), BRIDGE));
            agent = new HostAgent(
                    hypervisor.name(), dataplane, new StateStore(stateDir), sent::add, new SimpleMeterRegistry());
            agent.start();
            return agent;
        }
    }

    private final Map<String, HostSide> hosts = new LinkedHashMap<>();
    private final List<Placement> placements = new ArrayList<>();
    private final Map<String, SecurityGroup> groups = new TreeMap<>();
    private long generation;

    void addHost(Hypervisor hypervisor, Path stateDir) {
        hosts.put(hypervisor.name(), new HostSide(hypervisor, stateDir));
    }

    HostSide host(Hypervisor hypervisor) {
        return requireNonNull(hosts.get(hypervisor.name()), "unknown hypervisor");
    }

    List<HostSide> hosts() {
        return List.copyOf(hosts.values());
    }

    void place(Vm vm, Network network, String... groupIds) {
        placements.add(new Placement(vm, "nic-" + vm.name(), network, List.of(groupIds)));
    }

    void regroup(Vm vm, String... groupIds) {
        for (int i = 0; i < placements.size(); i++) {
            Placement placement = placements.get(i);
            if (placement.vm() == vm) {
                placements.set(i, new Placement(vm, placement.nicId(), placement.network(), List.of(groupIds)));
            }
        }
    }

    void defineGroup(SecurityGroup group) {
        groups.put(group.groupId(), group);
    }

    HostModel model(Hypervisor hypervisor) {
        List<LocalNic> nics = new ArrayList<>();
        Map<String, Network> localNetworks = new TreeMap<>();
        for (Placement placement : placements) {
            if (placement.vm().hypervisor() == hypervisor) {
                nics.add(new LocalNic(
                        placement.nicId(),
                        placement.network().id(),
                        MacAddress.parse(placement.vm().mac()),
                        List.of(IpAddress.parse(placement.vm().ipv4Address())),
                        List.of(),
                        true,
                        placement.groups(),
                        placement.vm().tapName()));
                localNetworks.put(placement.network().id(), placement.network());
            }
        }
        List<NetworkView> views = new ArrayList<>();
        for (Network network : localNetworks.values()) {
            List<IpAddress> remoteHosts = new ArrayList<>();
            List<RemoteNic> remoteNics = new ArrayList<>();
            for (Placement placement : placements) {
                Hypervisor other = placement.vm().hypervisor();
                if (other != hypervisor && placement.network().equals(network)) {
                    IpAddress endpoint = IpAddress.parse(other.underlayIp());
                    if (!remoteHosts.contains(endpoint)) {
                        remoteHosts.add(endpoint);
                    }
                    remoteNics.add(new RemoteNic(
                            MacAddress.parse(placement.vm().mac()),
                            List.of(IpAddress.parse(placement.vm().ipv4Address())),
                            endpoint));
                }
            }
            views.add(new NetworkView(network.id(), network.segment(), remoteHosts, remoteNics));
        }
        Map<String, List<IpAddress>> members = new TreeMap<>();
        groups.keySet().forEach(id -> members.put(id, new ArrayList<>()));
        for (Placement placement : placements) {
            for (String group : placement.groups()) {
                members.get(group).add(IpAddress.parse(placement.vm().ipv4Address()));
            }
        }
        return new HostModel(
                hypervisor.name(),
                IpAddress.parse(hypervisor.underlayIp()),
                new BridgeSettings(BRIDGE, "netdev", Optional.empty(), false),
                nics,
                views,
                List.copyOf(groups.values()),
                members);
    }

    HostDesiredState desired(Hypervisor hypervisor) {
        return HostCompiler.compile(model(hypervisor));
    }

    /** Sends every host a FULL of its current model at a fresh generation. */
    void sendFullToAll() {
        generation++;
        for (HostSide side : hosts.values()) {
            HostDesiredState desired = desired(side.hypervisor);
            HostUpdate full = UpdatePlanner.full(side.hypervisor.name(), new Generation(1, generation), desired);
            side.agent.onUpdate(full);
            side.lastSent = new SentState(full.generation(), desired);
        }
    }

    /** Sends each host whose compiled state changed a DELTA on top of what it was last sent. */
    List<HostUpdate> sendDeltas() {
        List<HostUpdate> sent = new ArrayList<>();
        for (HostSide side : hosts.values()) {
            HostDesiredState desired = desired(side.hypervisor);
            Optional<HostUpdate> delta = UpdatePlanner.delta(side.hypervisor.name(), side.lastSent, desired);
            delta.ifPresent(update -> {
                side.agent.onUpdate(update);
                side.lastSent = new SentState(update.generation(), desired);
                sent.add(update);
            });
        }
        return sent;
    }

    /** Sends the same FULL again, as a server does after a restart or a heartbeat mismatch. */
    void resendLastFull(HostSide side) {
        side.agent.onUpdate(
                UpdatePlanner.full(side.hypervisor.name(), side.lastSent.generation(), side.lastSent.state()));
    }
}
