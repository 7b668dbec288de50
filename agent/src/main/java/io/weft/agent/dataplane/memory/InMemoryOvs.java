package io.weft.agent.dataplane.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.rules.state.WeftCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Open vSwitch: the Bridge and Interface tables as {@code ovs-vsctl} edits and lists them, and
 * each bridge's flow table as {@code ovs-ofctl} edits and dumps it. Flows naming a port the bridge
 * does not have are refused, as the real {@code ovs-ofctl} refuses them.
 */
final class InMemoryOvs {
    private static final Pattern PORT_REFERENCE = Pattern.compile("(?:in_port=|output:)([A-Za-z][A-Za-z0-9_.-]*)");

    private static final class Row {
        final Map<String, String> columns = new TreeMap<>();
        final Map<String, String> options = new TreeMap<>();
        final Map<String, String> externalIds = new TreeMap<>();
        String bridge = "";
    }

    private record FlowKey(int table, int priority, String match) {}

    private final Map<String, Row> bridges = new TreeMap<>();
    private final Map<String, Row> interfaces = new TreeMap<>();
    private final Map<String, Map<FlowKey, String>> flows = new TreeMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** One {@code ovs-vsctl} invocation: global options, then commands separated by {@code --}. */
    String vsctl(List<String> argv) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("--")) {
                commands.add(current);
                current = new ArrayList<>();
            } else if (!arg.startsWith("--db=") && !arg.startsWith("--timeout=")) {
                current.add(arg);
            }
        }
        commands.add(current);
        StringBuilder out = new StringBuilder();
        for (List<String> command : commands) {
            out.append(vsctlCommand(command));
        }
        return out.toString();
    }

    private String vsctlCommand(List<String> command) {
        List<String> options = new ArrayList<>();
        int i = 0;
        while (i < command.size() && command.get(i).startsWith("--")) {
            options.add(command.get(i++));
        }
        List<String> args = command.subList(i, command.size());
        String verb = args.get(0);
        switch (verb) {
            case "add-br" -> {
                if (bridges.containsKey(args.get(1)) && !options.contains("--may-exist")) {
                    throw new ToolFailure("cannot create a bridge named " + args.get(1) + " because it exists");
                }
                bridges.computeIfAbsent(args.get(1), name -> new Row());
                flows.computeIfAbsent(args.get(1), name -> new LinkedHashMap<>());
            }
            case "add-port" -> {
                if (!bridges.containsKey(args.get(1))) {
                    throw new ToolFailure("no bridge named " + args.get(1));
                }
                Row row = interfaces.get(args.get(2));
                if (row != null && !options.contains("--may-exist")) {
                    throw new ToolFailure("cannot create a port named " + args.get(2) + " because it exists");
                }
                if (row == null) {
                    row = new Row();
                    interfaces.put(args.get(2), row);
                }
                row.bridge = args.get(1);
            }
            case "del-port" -> {
                if (interfaces.remove(args.get(2)) == null && !options.contains("--if-exists")) {
                    throw new ToolFailure("no port named " + args.get(2));
                }
            }
            case "del-br" -> {
                if (bridges.remove(args.get(1)) == null && !options.contains("--if-exists")) {
                    throw new ToolFailure("no bridge named " + args.get(1));
                }
                flows.remove(args.get(1));
                interfaces.values().removeIf(row -> row.bridge.equals(args.get(1)));
            }
            case "set" -> set(args);
            case "list" -> {
                return list(args.get(1), options);
            }
            default -> throw new ToolFailure("unsupported ovs-vsctl command " + verb);
        }
        return "";
    }

    private void set(List<String> args) {
        Map<String, Row> table = args.get(1).equals("Bridge") ? bridges : interfaces;
        Row row = table.get(args.get(2));
        if (row == null) {
            throw new ToolFailure("no row \"" + args.get(2) + "\" in table " + args.get(1));
        }
        for (String assignment : args.subList(3, args.size())) {
            int equals = assignment.indexOf('=');
            String column = assignment.substring(0, equals);
            String value = assignment.substring(equals + 1);
            if (column.startsWith("external_ids:")) {
                row.externalIds.put(column.substring("external_ids:".length()), value);
            } else if (column.startsWith("options:")) {
                row.options.put(column.substring("options:".length()), value);
            } else {
                row.columns.put(column, value);
            }
        }
    }

    /** {@code --format=json --data=json --columns=a,b list Table}, in OVSDB's JSON encoding. */
    private String list(String tableName, List<String> options) {
        List<String> columns = options.stream()
                .filter(option -> option.startsWith("--columns="))
                .map(option -> List.of(option.substring("--columns=".length()).split(",")))
                .findFirst()
                .orElse(List.of("name"));
        Map<String, Row> table = tableName.equals("Bridge") ? bridges : interfaces;
        ObjectNode root = json.createObjectNode();
        ArrayNode headings = root.putArray("headings");
        columns.forEach(headings::add);
        ArrayNode data = root.putArray("data");
        table.forEach((name, row) -> {
            ArrayNode cells = data.addArray();
            for (String column : columns) {
                switch (column) {
                    case "name" -> cells.add(name);
                    case "external_ids" -> cells.add(map(row.externalIds));
                    case "options" -> cells.add(map(row.options));
                    case "statistics" -> cells.add(
                            map(Map.of("rx_packets", "0", "tx_packets", "0", "rx_bytes", "0", "tx_bytes", "0")));
                    default -> {
                        cells.add(row.columns.getOrDefault(column, ""));
                    }
                }
            }
        });
        return root.toString();
    }

    private ArrayNode map(Map<String, String> values) {
        ArrayNode cell = json.createArrayNode();
        cell.add("map");
        ArrayNode pairs = cell.addArray();
        values.forEach((key, value) -> {
            ArrayNode pair = pairs.addArray();
            pair.add(key);
            if (key.endsWith("_packets") || key.endsWith("_bytes")) {
                pair.add(Long.parseLong(value));
            } else {
                pair.add(value);
            }
        });
        return cell;
    }

    /** One {@code ovs-ofctl} invocation. */
    String ofctl(List<String> argv, String stdin) {
        List<String> args = argv.stream()
                .skip(1)
                .filter(arg -> !arg.startsWith("-") || arg.equals("-"))
                .filter(arg -> !arg.startsWith("OpenFlow"))
                .toList();
        String verb = args.get(0);
        Map<FlowKey, String> table = flows.get(args.get(1));
        if (table == null) {
            throw new ToolFailure(args.get(1) + " is not a bridge or a socket");
        }
        switch (verb) {
            case "add-flows" -> {
                Map<FlowKey, String> work = new LinkedHashMap<>(table);
                for (String line : stdin.split("\n", -1)) {
                    if (!line.isBlank()) {
                        flowMod(work, args.get(1), line.strip());
                    }
                }
                table.clear();
                table.putAll(work);
                return "";
            }
            case "del-flows" -> {
                // Every flow of this fake carries our cookie, so a cookie filter removes them all too.
                table.clear();
                return "";
            }
            case "dump-flows" -> {
                StringBuilder out = new StringBuilder();
                table.forEach((key, actions) -> {
                    out.append(" cookie=").append(WeftCookie.HEX).append(", ");
                    if (key.table() != 0) {
                        out.append("table=").append(key.table()).append(", ");
                    }
                    out.append("priority=").append(key.priority());
                    if (!key.match().isEmpty()) {
                        out.append(',').append(key.match());
                    }
                    out.append(" actions=").append(actions).append('\n');
                });
                return out.toString();
            }
            default -> throw new ToolFailure("unsupported ovs-ofctl command " + verb);
        }
    }

    private void flowMod(Map<FlowKey, String> table, String bridge, String line) {
        int space = line.indexOf(' ');
        String verb = line.substring(0, space);
        String spec = line.substring(space + 1);
        int actionsAt = spec.indexOf(",actions=");
        String matchPart = actionsAt < 0 ? spec : spec.substring(0, actionsAt);
        int tableId = 0;
        int priority = 32768;
        List<String> match = new ArrayList<>();
        for (String field : matchPart.split(",")) {
            if (field.startsWith("cookie=")) {
                continue;
            } else if (field.startsWith("table=")) {
                tableId = Integer.parseInt(field.substring("table=".length()));
            } else if (field.startsWith("priority=")) {
                priority = Integer.parseInt(field.substring("priority=".length()));
            } else if (!field.isEmpty()) {
                match.add(field);
            }
        }
        FlowKey key = new FlowKey(tableId, priority, String.join(",", match));
        switch (verb) {
            case "add" -> {
                String actions = spec.substring(actionsAt + ",actions=".length());
                requirePorts(bridge, key.match() + "," + actions);
                table.put(key, actions);
            }
            case "delete_strict" -> table.remove(key);
            case "delete" -> table.clear();
            default -> throw new ToolFailure("unsupported flow_mod " + verb);
        }
    }

    private void requirePorts(String bridge, String text) {
        Matcher matcher = PORT_REFERENCE.matcher(text);
        while (matcher.find()) {
            String port = matcher.group(1);
            Row row = interfaces.get(port);
            if (!port.equals("IN_PORT") && (row == null || !row.bridge.equals(bridge))) {
                throw new ToolFailure(port + ": invalid or unknown port for in_port/output");
            }
        }
    }

    int flowCount(String bridge) {
        return flows.getOrDefault(bridge, Map.of()).size();
    }

    List<String> interfaceNames() {
        return List.copyOf(interfaces.keySet());
    }

    /** Interfaces whose {@code type} is {@code type} (e.g. the tunnel ports). */
    List<String> interfacesOfType(String type) {
        return interfaces.entrySet().stream()
                .filter(entry -> type.equals(entry.getValue().columns.get("type")))
                .map(Map.Entry::getKey)
                .toList();
    }
}
