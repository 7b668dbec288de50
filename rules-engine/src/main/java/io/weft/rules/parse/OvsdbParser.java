package io.weft.rules.parse;

import io.weft.rules.render.OvsVsctlCommands;
import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.state.TunnelEntry;
import io.weft.rules.state.UplinkEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the two listings in {@link OvsVsctlCommands#LIST_BRIDGES} and
 * {@link OvsVsctlCommands#LIST_INTERFACES} ({@code --format=json --data=json}) back into bridge
 * and port entries. Rows without our {@code weft-owner} external id are the host's and ignored.
 */
public final class OvsdbParser {
    private OvsdbParser() {}

    /**
     * @throws IllegalArgumentException if a listing is not JSON or not a table of the shape above
     */
    public static List<DesiredEntry> parse(String bridgesJson, String interfacesJson) {
        List<DesiredEntry> entries = new ArrayList<>();
        for (Map<String, Object> row : rows(bridgesJson)) {
            if (isOurs(row)) {
                entries.add(new BridgeEntry(string(row.get("name")), string(row.get("datapath_type"))));
            }
        }
        for (Map<String, Object> row : rows(interfacesJson)) {
            if (!isOurs(row)) {
                continue;
            }
            Map<String, String> ids = map(row.get("external_ids"));
            String name = string(row.get("name"));
            switch (ids.getOrDefault(OvsVsctlCommands.ROLE_KEY, "")) {
                case "nic" -> entries.add(new NicPortEntry(
                        ids.getOrDefault(OvsVsctlCommands.NIC_KEY, ""),
                        ids.getOrDefault(OvsVsctlCommands.TAP_KEY, ""),
                        ids.getOrDefault(OvsVsctlCommands.LINUX_BRIDGE_KEY, ""),
                        ids.getOrDefault(OvsVsctlCommands.BRIDGE_VETH_KEY, ""),
                        name));
                case "tunnel" -> entries.add(new TunnelEntry(
                        string(row.get("type")), name, map(row.get("options")).getOrDefault("local_ip", "")));
                case "uplink" -> entries.add(new UplinkEntry(name));
                default -> {
                    // An owned row with a role we do not know: left for a newer agent.
                }
            }
        }
        return entries;
    }

    private static boolean isOurs(Map<String, Object> row) {
        return OvsVsctlCommands.OWNER_VALUE.equals(map(row.get("external_ids")).get(OvsVsctlCommands.OWNER_KEY));
    }

    /** Table output: {"data": [[cell, ...], ...], "headings": [column, ...]}. */
    private static List<Map<String, Object>> rows(String tableJson) {
        if (!(Json.parse(tableJson) instanceof Map<?, ?> table)
                || !(table.get("headings") instanceof List<?> headings)
                || !(table.get("data") instanceof List<?> data)
                || !headings.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("ovs-vsctl output is not a table of headings and data");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object line : data) {
            if (!(line instanceof List<?> cells) || cells.size() != headings.size()) {
                throw new IllegalArgumentException(
                        "ovs-vsctl row does not match its headings " + headings + ": " + line);
            }
            Map<String, Object> row = new TreeMap<>();
            for (int i = 0; i < headings.size(); i++) {
                row.put((String) headings.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** OVSDB JSON: a map is ["map", [[k, v], ...]]. */
    private static Map<String, String> map(Object cell) {
        Map<String, String> map = new TreeMap<>();
        if (cell instanceof List<?> tagged && tagged.size() == 2 && "map".equals(tagged.get(0))) {
            if (!(tagged.get(1) instanceof List<?> pairs)) {
                throw new IllegalArgumentException("ovs-vsctl map without its pairs: " + cell);
            }
            for (Object pair : pairs) {
                if (!(pair instanceof List<?> keyValue) || keyValue.size() != 2) {
                    throw new IllegalArgumentException("ovs-vsctl map entry is not a key and a value: " + pair);
                }
                map.put(string(keyValue.get(0)), string(keyValue.get(1)));
            }
        }
        return map;
    }

    /** A plain string, or ["set", []] for an empty optional column. */
    private static String string(Object cell) {
        return cell instanceof String text ? text : "";
    }
}
