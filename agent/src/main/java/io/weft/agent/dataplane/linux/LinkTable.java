package io.weft.agent.dataplane.linux;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The network devices of a namespace as {@code ip -o link show} prints them: name → master. */
public record LinkTable(Map<String, Link> links) {
    public LinkTable {
        links = Map.copyOf(requireNonNull(links, "links is null"));
    }

    /** One device; {@code master} is empty when it is not enslaved to a bridge. */
    public record Link(String name, Optional<String> master, int mtu) {
        public Link {
            requireNonNull(name, "name is null");
            requireNonNull(master, "master is null");
        }
    }

    public boolean exists(String name) {
        return links.containsKey(name);
    }

    public Optional<String> masterOf(String name) {
        Link link = links.get(name);
        return link == null ? Optional.empty() : link.master();
    }

    /**
     * Parses lines like {@code 7: wvb1@wvo1: <BROADCAST,UP> mtu 1400 qdisc noqueue master wbr1 state
     * UP ...}; the {@code @peer} suffix of veth and VLAN devices is not part of the name.
     */
    public static LinkTable parse(String ipOLinkShow) {
        Map<String, Link> links = new TreeMap<>();
        for (String line : ipOLinkShow.split("\n", -1)) {
            String[] tokens = line.strip().split("\\s+");
            if (tokens.length < 2 || !tokens[0].endsWith(":") || !tokens[1].endsWith(":")) {
                continue;
            }
            String name = tokens[1].substring(0, tokens[1].length() - 1);
            int at = name.indexOf('@');
            if (at >= 0) {
                name = name.substring(0, at);
            }
            Optional<String> master = Optional.empty();
            int mtu = 0;
            for (int i = 2; i + 1 < tokens.length; i++) {
                if (tokens[i].equals("master")) {
                    master = Optional.of(tokens[i + 1]);
                } else if (tokens[i].equals("mtu")) {
                    mtu = Integer.parseInt(tokens[i + 1]);
                }
            }
            links.put(name, new Link(name, master, mtu));
        }
        return new LinkTable(links);
    }
}
