package io.weft.bench.system.ovn;

import io.weft.bench.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The hypervisors that are not real, registered in the southbound database as an {@code
 * ovn-controller} would register them: a Chassis row with its tunnel endpoint (Encap), and its NICs'
 * port bindings claimed. Written as {@code ovn-sbctl} invocations of many {@code --}-separated
 * commands each, so that a thousand chassis cost a handful of processes.
 */
public final class SouthboundChassis {

    /** OVN's own tunnel type; Weft uses VXLAN, but OVN's VXLAN mode is its restricted fallback. */
    public static final String ENCAP = "geneve";

    private SouthboundChassis() {}

    /** The chassis name, the scenario host's name ({@code hv-00042}): also the real one's system-id. */
    public static String chassisName(Scenario.Host host) {
        return host.name();
    }

    /**
     * {@code ovn-sbctl} argument vectors (after the program name) registering every host except
     * {@code realHost} and binding its ports; each holds at most {@code hostsPerInvocation} hosts.
     */
    public static List<List<String>> invocations(Scenario scenario, int realHost, int hostsPerInvocation) {
        if (hostsPerInvocation < 1) {
            throw new IllegalArgumentException("hostsPerInvocation must be positive");
        }
        List<List<Scenario.Nic>> nicsByHost = new ArrayList<>();
        scenario.hosts().forEach(host -> nicsByHost.add(new ArrayList<>()));
        scenario.nics().forEach(nic -> nicsByHost.get(nic.host()).add(nic));
        List<List<String>> invocations = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int hostsInCurrent = 0;
        for (Scenario.Host host : scenario.hosts()) {
            if (host.index() == realHost) {
                continue;
            }
            String chassis = chassisName(host);
            command(current, "chassis-add", chassis, ENCAP, host.underlayIp());
            for (Scenario.Nic nic : nicsByHost.get(host.index())) {
                command(current, "lsp-bind", NorthboundTranslation.portName(nic), chassis);
            }
            if (++hostsInCurrent == hostsPerInvocation) {
                invocations.add(List.copyOf(current));
                current.clear();
                hostsInCurrent = 0;
            }
        }
        if (!current.isEmpty()) {
            invocations.add(List.copyOf(current));
        }
        return List.copyOf(invocations);
    }

    private static void command(List<String> argv, String... command) {
        if (!argv.isEmpty()) {
            argv.add("--");
        }
        argv.addAll(List.of(command));
    }
}
