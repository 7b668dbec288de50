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

    /**
     * @throws IllegalArgumentException if one of our flows has a table or priority that is not a
     *     decimal number in range
     */
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
                    table = number(fields[i].substring("table=".length()), line);
                }
            }
            String matchPart = fields.length > 1 ? fields[fields.length - 1] : "";
            if (matchPart.startsWith("table=") || isStatistic(matchPart)) {
                if (matchPart.startsWith("table=")) {
                    table = number(matchPart.substring("table=".length()), line);
                }
                matchPart = "";
            }
            int priority = DEFAULT_PRIORITY;
            String match = matchPart;
            if (matchPart.startsWith("priority=")) {
                int comma = matchPart.indexOf(',');
                priority =
                        number(matchPart.substring("priority=".length(), comma < 0 ? matchPart.length() : comma), line);
                match = comma < 0 ? "" : matchPart.substring(comma + 1);
            }
            String actions = line.substring(actionsAt + ACTIONS.length());
            flows.add(new FlowEntry(table, priority, unquote(match), unquote(actions)));
        }
        return flows;
    }

    /** Tables are 0-254 and priorities 0-65535: more than 5 digits is never a number ovs-ofctl prints. */
    private static int number(String digits, String line) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "dump-flows line with a table or priority that is not a number: " + line);
        }
        return Integer.parseInt(digits);
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
