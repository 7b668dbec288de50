package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One OpenFlow flow on the integration bridge (always with the Weft cookie). Match and actions are
 * in the canonical form {@code ovs-ofctl -O OpenFlow13 --names dump-flows} prints, without the
 * quotes it puts around port names; (table, priority, match) identifies a flow in OpenFlow.
 */
public record FlowEntry(int table, int priority, String match, String actions) implements DesiredEntry {
    public static final String KIND = "flow";

    public FlowEntry {
        requireNonNull(match, "match is null");
        requireNonNull(actions, "actions is null");
        if (table < 0 || table > 254) {
            throw new IllegalArgumentException("table " + table + " is outside 0-254");
        }
        if (priority < 0 || priority > 65535) {
            throw new IllegalArgumentException("priority " + priority + " is outside 0-65535");
        }
    }

    @Override
    public String key() {
        return "flow/" + table + "/" + priority + "/" + match;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return List.of(Integer.toString(table), Integer.toString(priority), match, actions);
    }
}
