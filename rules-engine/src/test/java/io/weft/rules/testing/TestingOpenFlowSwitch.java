package io.weft.rules.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stateful fake of one bridge's flow table behind {@code ovs-ofctl --bundle add-flows} and
 * {@code dump-flows --names}: flows are identified by (table, priority, match); dumps carry
 * statistics, quote port names with a dash, and list flows in no particular order.
 */
public final class TestingOpenFlowSwitch {
    private record Flow(String cookie, int table, int priority, String match, String actions) {}

    private Map<String, Flow> flows = new LinkedHashMap<>();

    public TestingOpenFlowSwitch() {
        add(new Flow("0x0", 0, 1, "", "NORMAL"));
    }

    public void bundle(String script) {
        Map<String, Flow> before = new LinkedHashMap<>(flows);
        try {
            for (String line : script.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                String command = line.substring(0, space);
                String spec = line.substring(space + 1);
                switch (command) {
                    case "add" -> add(parse(spec, true));
                    case "delete" -> {
                        String cookie = field(spec, "cookie").replace("/-1", "");
                        flows.values().removeIf(flow -> flow.cookie().equals(cookie));
                    }
                    case "delete_strict" -> {
                        Flow target = parse(spec, false);
                        Flow existing = flows.get(identity(target));
                        if (existing != null
                                && existing.cookie().equals(target.cookie().replace("/-1", ""))) {
                            flows.remove(identity(target));
                        }
                    }
                    default -> throw new IllegalStateException("ovs-ofctl: unknown command " + command);
                }
            }
        } catch (RuntimeException e) {
            flows = before;
            throw e;
        }
    }

    public String dumpFlows(String cookieFilter) {
        String cookie = cookieFilter.substring("cookie=".length(), cookieFilter.indexOf('/'));
        List<Flow> listed = new ArrayList<>(flows.values());
        Collections.reverse(listed);
        StringBuilder out = new StringBuilder();
        for (Flow flow : listed) {
            if (!flow.cookie().equals(cookie)) {
                continue;
            }
            out.append(" cookie=")
                    .append(flow.cookie())
                    .append(", duration=12.345s, table=")
                    .append(flow.table())
                    .append(", n_packets=3, n_bytes=180, idle_age=2, priority=")
                    .append(flow.priority());
            if (!flow.match().isEmpty()) {
                out.append(',').append(quotePorts(flow.match()));
            }
            out.append(" actions=").append(quotePorts(flow.actions())).append('\n');
        }
        return out.toString();
    }

    public int size() {
        return flows.size();
    }

    private void add(Flow flow) {
        flows.put(identity(flow), flow);
    }

    private static String identity(Flow flow) {
        return flow.table() + "/" + flow.priority() + "/" + flow.match();
    }

    private static Flow parse(String spec, boolean withActions) {
        String actions = "";
        String head = spec;
        if (withActions) {
            int at = spec.indexOf(",actions=");
            actions = spec.substring(at + ",actions=".length());
            head = spec.substring(0, at);
        }
        String cookie = "0x0";
        int table = 0;
        int priority = 32768;
        List<String> match = new ArrayList<>();
        for (String field : head.split(",")) {
            if (field.startsWith("cookie=")) {
                cookie = field.substring("cookie=".length());
            } else if (field.startsWith("table=")) {
                table = Integer.parseInt(field.substring("table=".length()));
            } else if (field.startsWith("priority=")) {
                priority = Integer.parseInt(field.substring("priority=".length()));
            } else {
                match.add(field);
            }
        }
        return new Flow(cookie, table, priority, String.join(",", match), actions);
    }

    private static String field(String spec, String name) {
        for (String field : spec.split(",")) {
            if (field.startsWith(name + "=")) {
                return field.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("ovs-ofctl: missing " + name);
    }

    /** ovs-ofctl quotes port names that are not plain words, e.g. in_port="weft-vxlan". */
    private static String quotePorts(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split(",", -1)) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(quoteAfter(quoteAfter(part, "in_port="), "output:"));
        }
        return out.toString();
    }

    private static String quoteAfter(String part, String prefix) {
        if (part.startsWith(prefix) && part.contains("-")) {
            return prefix + '"' + part.substring(prefix.length()) + '"';
        }
        return part;
    }
}
