package io.weft.agent.dataplane.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The network devices of one namespace, as {@code ip link} creates, enslaves and lists them. */
final class InMemoryLinks {
    private static final class Link {
        final String type;
        final int mtu;
        Optional<String> master = Optional.empty();
        Optional<String> peer = Optional.empty();
        boolean up;

        Link(String type, int mtu) {
            this.type = type;
            this.mtu = mtu;
        }
    }

    private final Map<String, Link> links = new TreeMap<>();

    /** {@code ip ...} with argv[0] == "ip"; returns stdout or throws a failure. */
    String ip(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (args.equals(List.of("-o", "link", "show"))) {
            return show();
        }
        if (!args.get(0).equals("link")) {
            throw new ToolFailure("unsupported ip command " + args);
        }
        switch (args.get(1)) {
            case "show" -> {
                String name = args.get(args.size() - 1);
                if (!links.containsKey(name)) {
                    throw new ToolFailure("Device \"" + name + "\" does not exist.");
                }
                return "";
            }
            case "add" -> add(args);
            case "set" -> set(args);
            case "del" -> delete(args.get(2));
            default -> throw new ToolFailure("unsupported ip link command " + args);
        }
        return "";
    }

    private void add(List<String> args) {
        String name = value(args, "name").orElseThrow(() -> new ToolFailure("ip link add needs a name"));
        if (links.containsKey(name)) {
            throw new ToolFailure("RTNETLINK answers: File exists");
        }
        int mtu = value(args, "mtu").map(Integer::parseInt).orElse(1500);
        String type = value(args, "type").orElse("");
        links.put(name, new Link(type, mtu));
        if (type.equals("veth")) {
            int peerAt = args.indexOf("peer");
            String peer = args.get(peerAt + 2);
            Link peerLink = new Link("veth", mtu);
            peerLink.peer = Optional.of(name);
            links.put(peer, peerLink);
            links.get(name).peer = Optional.of(peer);
        }
    }

    private void set(List<String> args) {
        Link link = require(args.get(2));
        for (int i = 3; i < args.size(); i++) {
            switch (args.get(i)) {
                case "up" -> link.up = true;
                case "down" -> link.up = false;
                case "master" -> {
                    String master = args.get(++i);
                    if (!require(master).type.equals("bridge")) {
                        throw new ToolFailure(master + " is not a bridge");
                    }
                    link.master = Optional.of(master);
                }
                case "nomaster" -> link.master = Optional.empty();
                default -> throw new ToolFailure("unsupported ip link set argument " + args.get(i));
            }
        }
    }

    private void delete(String name) {
        Link link = require(name);
        links.remove(name);
        link.peer.ifPresent(links::remove);
        if (link.type.equals("bridge")) {
            links.values().forEach(other -> {
                if (other.master.filter(name::equals).isPresent()) {
                    other.master = Optional.empty();
                }
            });
        }
    }

    private String show() {
        StringBuilder out = new StringBuilder();
        int index = 1;
        for (Map.Entry<String, Link> entry : links.entrySet()) {
            Link link = entry.getValue();
            out.append(index++)
                    .append(": ")
                    .append(entry.getKey())
                    .append(link.peer.map(peer -> "@" + peer).orElse(""))
                    .append(": <BROADCAST,MULTICAST")
                    .append(link.up ? ",UP" : "")
                    .append("> mtu ")
                    .append(link.mtu)
                    .append(" qdisc noqueue");
            link.master.ifPresent(master -> out.append(" master ").append(master));
            out.append(" state ").append(link.up ? "UP" : "DOWN").append(" mode DEFAULT group default\n");
        }
        return out.toString();
    }

    private Link require(String name) {
        Link link = links.get(name);
        if (link == null) {
            throw new ToolFailure("Cannot find device \"" + name + "\"");
        }
        return link;
    }

    private static Optional<String> value(List<String> args, String key) {
        int at = args.indexOf(key);
        return at < 0 || at + 1 >= args.size() ? Optional.empty() : Optional.of(args.get(at + 1));
    }

    /** What the hypervisor does when a VM starts: its tap appears. */
    void addTap(String name, int mtu) {
        Link tap = new Link("tun", mtu);
        tap.up = true;
        links.put(name, tap);
    }

    void removeTap(String name) {
        links.remove(name);
    }

    boolean exists(String name) {
        return links.containsKey(name);
    }

    Optional<String> masterOf(String name) {
        Link link = links.get(name);
        return link == null ? Optional.empty() : link.master;
    }
}
