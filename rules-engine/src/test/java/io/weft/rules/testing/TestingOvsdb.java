package io.weft.rules.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stateful fake of the Open vSwitch database behind {@code ovs-vsctl}: it runs the argument
 * vectors we render (add-br, add-port, set, del-port, del-br with --may-exist/--if-exists) and
 * prints the JSON listings {@code ovs-vsctl --format=json --data=json list} gives.
 */
public final class TestingOvsdb {
    private static final class Row {
        String type = "";
        final Map<String, String> options = new TreeMap<>();
        final Map<String, String> externalIds = new TreeMap<>();
        String datapathType = "";
    }

    private final Map<String, Row> bridges = new TreeMap<>();
    private final Map<String, Row> interfaces = new TreeMap<>();
    private final Map<String, String> bridgeOfPort = new TreeMap<>();

    public TestingOvsdb() {
        bridges.put("br-host", new Row());
        Row hostPort = new Row();
        hostPort.type = "internal";
        interfaces.put("br-host", hostPort);
        bridgeOfPort.put("br-host", "br-host");
    }

    public void run(List<String> argv) {
        List<String> command = new ArrayList<>();
        for (String arg : argv) {
            if (arg.equals("--")) {
                execute(command);
                command.clear();
            } else {
                command.add(arg);
            }
        }
        execute(command);
    }

    private void execute(List<String> command) {
        boolean mayExist = command.remove("--may-exist");
        boolean ifExists = command.remove("--if-exists");
        switch (command.get(0)) {
            case "add-br" -> {
                String name = command.get(1);
                if (bridges.containsKey(name) && !mayExist) {
                    throw new IllegalStateException(
                            "ovs-vsctl: cannot create a bridge named " + name + " because it exists");
                }
                bridges.putIfAbsent(name, new Row());
                Row port = interfaces.computeIfAbsent(name, n -> new Row());
                port.type = "internal";
                bridgeOfPort.put(name, name);
            }
            case "del-br" -> {
                String name = command.get(1);
                if (bridges.remove(name) == null && !ifExists) {
                    throw new IllegalStateException("ovs-vsctl: no bridge named " + name);
                }
                bridgeOfPort.entrySet().removeIf(entry -> {
                    if (entry.getValue().equals(name)) {
                        interfaces.remove(entry.getKey());
                        return true;
                    }
                    return false;
                });
            }
            case "add-port" -> {
                String bridge = command.get(1);
                String port = command.get(2);
                if (!bridges.containsKey(bridge)) {
                    throw new IllegalStateException("ovs-vsctl: no bridge named " + bridge);
                }
                if (interfaces.containsKey(port) && !mayExist) {
                    throw new IllegalStateException(
                            "ovs-vsctl: cannot create a port named " + port + " because it exists");
                }
                interfaces.putIfAbsent(port, new Row());
                bridgeOfPort.put(port, bridge);
            }
            case "del-port" -> {
                String port = command.get(2);
                if (interfaces.remove(port) == null && !ifExists) {
                    throw new IllegalStateException("ovs-vsctl: no port named " + port);
                }
                bridgeOfPort.remove(port);
            }
            case "set" -> {
                Row row = (command.get(1).equals("Bridge") ? bridges : interfaces).get(command.get(2));
                if (row == null) {
                    throw new IllegalStateException("ovs-vsctl: no row " + command.get(2) + " in " + command.get(1));
                }
                for (String assignment : command.subList(3, command.size())) {
                    String column = assignment.substring(0, assignment.indexOf('='));
                    String value = assignment.substring(assignment.indexOf('=') + 1);
                    if (column.startsWith("external_ids:")) {
                        row.externalIds.put(column.substring("external_ids:".length()), value);
                    } else if (column.startsWith("options:")) {
                        row.options.put(column.substring("options:".length()), value);
                    } else if (column.equals("type")) {
                        row.type = value;
                    } else if (column.equals("datapath_type")) {
                        row.datapathType = value;
                    }
                }
            }
            default -> throw new IllegalStateException("ovs-vsctl: unknown command " + command);
        }
    }

    public String listBridges() {
        StringBuilder data = new StringBuilder();
        bridges.forEach((name, row) -> {
            separate(data);
            data.append("[\"")
                    .append(name)
                    .append("\",\"")
                    .append(row.datapathType)
                    .append("\",")
                    .append(map(row.externalIds))
                    .append(']');
        });
        return "{\"data\":[" + data + "],\"headings\":[\"name\",\"datapath_type\",\"external_ids\"]}";
    }

    public String listInterfaces() {
        StringBuilder data = new StringBuilder();
        interfaces.forEach((name, row) -> {
            separate(data);
            data.append("[\"")
                    .append(name)
                    .append("\",\"")
                    .append(row.type)
                    .append("\",")
                    .append(map(row.options))
                    .append(',')
                    .append(map(row.externalIds))
                    .append(']');
        });
        return "{\"data\":[" + data + "],\"headings\":[\"name\",\"type\",\"options\",\"external_ids\"]}";
    }

    private static void separate(StringBuilder data) {
        if (data.length() > 0) {
            data.append(',');
        }
    }

    private static String map(Map<String, String> values) {
        StringBuilder pairs = new StringBuilder();
        values.forEach((key, value) -> {
            separate(pairs);
            pairs.append("[\"").append(key).append("\",\"").append(value).append("\"]");
        });
        return "[\"map\",[" + pairs + "]]";
    }
}
