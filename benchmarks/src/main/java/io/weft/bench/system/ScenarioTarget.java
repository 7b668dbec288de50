package io.weft.bench.system;

import io.weft.bench.scenario.Scenario;
import io.weft.server.WeftServer;
import io.weft.testsupport.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A scenario loaded through the services ({@link ScenarioLoader}) as the end-to-end measurements'
 * {@link LoadTarget}: every host runs an agent; the stream changes the rules of ordinary groups and
 * moves VMs' NICs in and out of ordinary groups. The big and front groups are left alone, and so is
 * the NIC the OVN comparison moves ({@link WeftMembershipTiming}), so that change meets the
 * scenario as generated.
 */
final class ScenarioTarget implements LoadTarget {
    /** Enough distinct groups and VMs for 20 changes/s never to queue on one object. */
    private static final int CHANGEABLE = 2_000;

    private final WeftServer server;
    private final Scenario scenario;
    private final LoadedScenario loaded;
    private final Scenario.Nic untouched;

    ScenarioTarget(WeftServer server, Scenario scenario, LoadedScenario loaded, Scenario.Nic untouched) {
        this.server = server;
        this.scenario = scenario;
        this.loaded = loaded;
        this.untouched = untouched;
    }

    @Override
    public WeftServer server() {
        return server;
    }

    @Override
    public ApiKeys tenantKeys() {
        return new ApiKeys(loaded.tenant().apiKey(), loaded.tenant().secretKey());
    }

    @Override
    public ApiKeys operatorKeys() {
        return ApiKeys.fromCredentialsFile(server.adminCredentialsFile());
    }

    @Override
    public List<AgentLogin> agents() {
        return loaded.hosts().stream()
                .map(host -> new AgentLogin(host.hostId().toString(), host.agentUser(), host.agentSecret()))
                .toList();
    }

    @Override
    public List<String> ruleGroups() {
        return ordinaryGroups();
    }

    @Override
    public List<String> memberGroups() {
        return ordinaryGroups();
    }

    @Override
    public List<ChangeableVm> vms() {
        List<ChangeableVm> vms = new ArrayList<>();
        // Spread over the fleet: every tenth NIC lands on a different host each time.
        int step = Math.max(1, scenario.nics().size() / CHANGEABLE);
        for (int i = 0; i < scenario.nics().size() && vms.size() < CHANGEABLE; i += step) {
            Scenario.Nic nic = scenario.nics().get(i);
            if (nic.index() == untouched.index()) {
                continue;
            }
            vms.add(new ChangeableVm(
                    loaded.vms().get(nic.index()).toString(),
                    loaded.nics().get(nic.index()).toString(),
                    nic.groups().stream().map(this::groupId).toList()));
        }
        return vms;
    }

    @Override
    public Optional<String> plugNetwork() {
        return Optional.empty();
    }

    private List<String> ordinaryGroups() {
        int last = Math.min(scenario.groups().size(), Scenario.FRONT_GROUP + 1 + CHANGEABLE);
        List<String> groups = new ArrayList<>();
        for (int g = Scenario.FRONT_GROUP + 1; g < last; g++) {
            groups.add(groupId(g));
        }
        return groups;
    }

    private String groupId(int index) {
        UUID id = loaded.groups().get(index);
        return id.toString();
    }
}
