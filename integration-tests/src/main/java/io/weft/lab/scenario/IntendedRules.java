package io.weft.lab.scenario;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scenario's security groups say, written down independently of Weft: which VM sits on
 * which network with which address and groups, and each group's ingress rules. From that alone it
 * answers "should this probe pass?", the expected side of a measured reachability matrix.
 *
 * <p>Semantics, as CloudStack's security groups define them and as far as the lab scenarios need:
 * traffic never crosses networks (no router in the lab); ingress is denied unless a rule of one of
 * the destination's groups admits it, by the source's address in a CIDR or by the source being a
 * member of a named group; egress is open because no scenario adds an egress rule; replies of an
 * admitted flow pass (stateful).
 */
public final class IntendedRules {
    /** What a probe sends: an ICMP echo request, or a TCP connection to {@link #TCP_PORT}. */
    public enum Probe {
        PING,
        TCP
    }

    /** The port every lab VM listens on for the TCP probe. */
    public static final int TCP_PORT = 8080;

    /** An ingress rule: what it admits ({@code PING} = ICMP echo, {@code TCP} = the probe port) and from where. */
    public record IngressRule(Probe admits, Optional<String> fromCidr, Optional<String> fromGroup) {
        public IngressRule {
            requireNonNull(admits, "admits is null");
            requireNonNull(fromCidr, "fromCidr is null");
            requireNonNull(fromGroup, "fromGroup is null");
            if (fromCidr.isPresent() == fromGroup.isPresent()) {
                throw new IllegalArgumentException("a rule admits from a CIDR or from a group");
            }
        }

        public static IngressRule fromCidr(Probe admits, String cidr) {
            return new IngressRule(admits, Optional.of(cidr), Optional.empty());
        }

        public static IngressRule fromGroup(Probe admits, String group) {
            return new IngressRule(admits, Optional.empty(), Optional.of(group));
        }
    }

    private record Placement(String network, String ip, List<String> groups, boolean running) {
        Placement withGroups(List<String> newGroups) {
            return new Placement(network, ip, List.copyOf(newGroups), running);
        }

        Placement running(boolean isRunning) {
            return new Placement(network, ip, groups, isRunning);
        }
    }

    private final Map<String, Placement> vms = new LinkedHashMap<>();
    private final Map<String, List<IngressRule>> rulesByGroup = new LinkedHashMap<>();

    public synchronized void addRule(String group, IngressRule rule) {
        rulesByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(rule);
    }

    public synchronized void removeRule(String group, IngressRule rule) {
        if (!rulesByGroup.getOrDefault(group, new ArrayList<>()).remove(rule)) {
            throw new IllegalArgumentException(group + " has no rule " + rule);
        }
    }

    public synchronized void placeVm(String vm, String network, String ip, List<String> groups) {
        vms.put(vm, new Placement(network, ip, List.copyOf(groups), true));
    }

    public synchronized void regroup(String vm, List<String> groups) {
        vms.put(vm, placement(vm).withGroups(groups));
    }

    /** A stopped VM keeps its groups and address but has no port: nothing reaches it or leaves it. */
    public synchronized void stop(String vm) {
        vms.put(vm, placement(vm).running(false));
    }

    public synchronized void start(String vm) {
        vms.put(vm, placement(vm).running(true));
    }

    private Placement placement(String vm) {
        return requireNonNull(vms.get(vm), () -> "unknown VM " + vm);
    }

    public synchronized boolean allows(String source, String destination, Probe probe) {
        Placement from = placement(source);
        Placement to = placement(destination);
        if (!from.running() || !to.running() || !from.network().equals(to.network())) {
            return false;
        }
        for (String group : to.groups()) {
            for (IngressRule rule : rulesByGroup.getOrDefault(group, List.of())) {
                if (rule.admits() == probe && admitsSource(rule, source, from)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean admitsSource(IngressRule rule, String source, Placement from) {
        if (rule.fromCidr().isPresent()) {
            return Ipv4.inCidr(from.ip(), rule.fromCidr().get());
        }
        return from.groups().contains(rule.fromGroup().get());
    }

    /** Just enough IPv4 to test membership of a CIDR. */
    static final class Ipv4 {
        private Ipv4() {}

        static boolean inCidr(String ip, String cidr) {
            String[] parts = cidr.split("/");
            int length = Integer.parseInt(parts[1]);
            long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
            return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
        }

        private static long toLong(String ip) {
            long value = 0;
            for (String octet : ip.split("\\.")) {
                value = (value << 8) | Integer.parseInt(octet);
            }
            return value;
        }
    }
}
