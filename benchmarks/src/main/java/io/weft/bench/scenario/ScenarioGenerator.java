package io.weft.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a {@link Scenario} from a shape and a seed: the same pair always gives the same scenario,
 * so a run at L can be repeated, and a run against OVN imports exactly what Weft loaded.
 */
public final class ScenarioGenerator {
    private static final int[] SERVICE_PORTS = {22, 53, 80, 443, 3306, 5432, 6379, 8080, 8443, 9090};

    private ScenarioGenerator() {}

    public static Scenario generate(ScenarioShape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Scenario.Host> hosts = new ArrayList<>(shape.hosts());
        for (int h = 0; h < shape.hosts(); h++) {
            hosts.add(new Scenario.Host(h, "hv-%05d".formatted(h), "100.64.%d.%d".formatted(h / 250, h % 250 + 1)));
        }
        List<Scenario.Network> networks = new ArrayList<>(shape.networks());
        for (int n = 0; n < shape.networks(); n++) {
            String prefix = "10.%d.%d.".formatted(n / 256, n % 256);
            networks.add(new Scenario.Network(n, "net-%05d".formatted(n), prefix + "0/24", prefix + "1", 5000 + n));
        }
        List<Scenario.Group> groups = new ArrayList<>(shape.groups());
        for (int g = 0; g < shape.groups(); g++) {
            groups.add(new Scenario.Group(g, groupName(g), rules(shape, g, random)));
        }
        List<Scenario.Nic> nics = new ArrayList<>(shape.nics());
        for (int h = 0; h < shape.hosts(); h++) {
            int network = h / shape.hostsPerNetwork();
            for (int j = 0; j < shape.nicsPerHost(); j++) {
                int index = h * shape.nicsPerHost() + j;
                int inNetwork = (h % shape.hostsPerNetwork()) * shape.nicsPerHost() + j;
                String ip = "10.%d.%d.%d".formatted(network / 256, network % 256, inNetwork + 2);
                String mac = "02:%02x:%02x:%02x:%02x:%02x"
                        .formatted((index >> 24) & 0xff, (index >> 16) & 0xff, (index >> 8) & 0xff, index & 0xff, 0x01);
                nics.add(new Scenario.Nic(
                        index, "vm-%06d".formatted(index), h, network, ip, mac, nicGroups(shape, h, random)));
            }
        }
        return new Scenario(shape, seed, hosts, networks, groups, nics);
    }

    private static String groupName(int index) {
        return switch (index) {
            case Scenario.BIG_GROUP -> "tenant-default";
            case Scenario.FRONT_GROUP -> "front";
            default -> "sg-%05d".formatted(index);
        };
    }

    /** The big group, then (on the first hosts) the front group, then distinct random others. */
    private static List<Integer> nicGroups(ScenarioShape shape, int host, SplittableRandom random) {
        List<Integer> chosen = new ArrayList<>(shape.groupsPerNic());
        chosen.add(Scenario.BIG_GROUP);
        if (host < shape.bigGroupReferencingHosts()) {
            chosen.add(Scenario.FRONT_GROUP);
        }
        while (chosen.size() < shape.groupsPerNic()) {
            int candidate = randomOrdinaryGroup(shape, random);
            if (!chosen.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /**
     * The front group's first rule admits the big group; every other group reference points at an
     * ordinary group, so the big set reaches exactly the front hosts.
     */
    private static List<Scenario.Rule> rules(ScenarioShape shape, int group, SplittableRandom random) {
        List<Scenario.Rule> rules = new ArrayList<>(shape.rulesPerGroup());
        for (int r = 0; r < shape.rulesPerGroup(); r++) {
            if (group == Scenario.FRONT_GROUP && r == 0) {
                rules.add(new Scenario.Rule(true, "tcp", 8080, 8080, null, Scenario.BIG_GROUP));
            } else if (group > Scenario.FRONT_GROUP && random.nextInt(shape.referencingRuleOneIn()) == 0) {
                rules.add(referencingRule(shape, rules, random));
            } else {
                rules.add(cidrRule(r, random));
            }
        }
        return rules;
    }

    /**
     * A service port from another ordinary group, drawn again when the group already has that rule:
     * a group's rules are distinct, as the services require.
     */
    private static Scenario.Rule referencingRule(
            ScenarioShape shape, List<Scenario.Rule> taken, SplittableRandom random) {
        while (true) {
            int port = SERVICE_PORTS[random.nextInt(SERVICE_PORTS.length)];
            Scenario.Rule rule = new Scenario.Rule(true, "tcp", port, port, null, randomOrdinaryGroup(shape, random));
            if (!taken.contains(rule)) {
                return rule;
            }
        }
    }

    /** Distinct within a group: the rule's position is folded into its ports or its source. */
    private static Scenario.Rule cidrRule(int position, SplittableRandom random) {
        boolean ingress = random.nextInt(10) != 0;
        String cidr = "172.%d.%d.0/24".formatted(16 + random.nextInt(16), random.nextInt(256));
        return switch (random.nextInt(4)) {
            case 0 -> new Scenario.Rule(ingress, "icmp", 8, 0, "192.0.2.%d/32".formatted(position), -1);
            case 1 -> new Scenario.Rule(ingress, "udp", 10_000 + position * 10, 10_009 + position * 10, cidr, -1);
            default -> new Scenario.Rule(
                    ingress, "tcp", 20_000 + position, 20_000 + position + random.nextInt(100), cidr, -1);
        };
    }

    private static int randomOrdinaryGroup(ScenarioShape shape, SplittableRandom random) {
        return Scenario.FRONT_GROUP + 1 + random.nextInt(shape.groups() - Scenario.FRONT_GROUP - 1);
    }
}
