package io.weft.rules.parse;

import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.WeftCookie;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ovs-ofctl -O OpenFlow13 --names dump-flows <bridge> cookie=<ours>/-1} output
 * (with or without {@code --no-stats}) back into flow entries. The statistics (duration, packet
 * and byte counts, ages) are dropped, the quotes around port names removed, and flows with any
 * other cookie ignored, so the result compares equal to what we rendered.
 */
public final class DumpFlowsParser {
    private static final String ACTIONS = " actions=";
    private static final int DEFAULT_PRIORITY = 32768;

    private DumpFlowsParser() {}

    public static List<FlowEntry> parse(String dumpOutput) {
        List<FlowEntry> flows = new ArrayList<>();
        for (String rawLine : dumpOutput.split("\n", -1)) {
            String line = rawLine.strip();
            int actionsAt = line.indexOf(ACTIONS);
            if (!line.startsWith("cookie=") || actionsAt < 0) {
                continue;
            }
            String[] fields = line.substring(0, actionsAt).split(", ");
            if (!fields[0].equals("cookie=" + WeftCookie.HEX)) {
                continue;
            }
            int table = 0;
            for (int i = 1; i < fields.length - 1; i++) {
                if (fields[i].startsWith("table=")) {
                    table = Integer.parseInt(fields[i].substring("table=".length()));
                }
            }
            String matchPart = fields.length > 1 ? fields[fields.length - 1] : "";
            if (matchPart.startsWith("table=") || isStatistic(matchPart)) {
                if (matchPart.startsWith("table=")) {
                    table = Integer.parseInt(matchPart.substring("table=".length()));
                }
                matchPart = "";
            }
            int priority = DEFAULT_PRIORITY;
            String match = matchPart;
            if (matchPart.startsWith("priority=")) {
                int comma = matchPart.indexOf(',');
                priority = Integer.parseInt(
                        matchPart.substring("priority=".length(), comma < 0 ? matchPart.length() : comma));
                match = comma < 0 ? "" : matchPart.substring(comma + 1);
            }
            String actions = line.substring(actionsAt + ACTIONS.length());
            flows.add(new FlowEntry(table, priority, unquote(match), unquote(actions)));
        }
        return flows;
    }

    private static boolean isStatistic(String field) {
        return field.startsWith("duration=")
                || field.startsWith("n_packets=")
                || field.startsWith("n_bytes=")
                || field.startsWith("idle_age=")
                || field.startsWith("hard_age=");
    }

    /** Our port names never contain quotes; ovs-ofctl quotes some of them when printing. */
    private static String unquote(String text) {
        return text.indexOf('"') < 0 ? text : text.replace("\"", "");
    }
}
