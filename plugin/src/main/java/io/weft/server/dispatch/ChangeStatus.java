package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where one committed change stands: not yet dispatched, or dispatched to these hosts of which
 * these have applied it. A change that altered no host's state is live as soon as it is dispatched.
 */
public record ChangeStatus(long changeId, boolean dispatched, SortedMap<String, Boolean> appliedByHost) {
    public ChangeStatus {
        appliedByHost = new TreeMap<>(requireNonNull(appliedByHost, "appliedByHost is null"));
    }

    public static ChangeStatus pending(long changeId) {
        return new ChangeStatus(changeId, false, new TreeMap<>());
    }

    public static ChangeStatus of(long changeId, Map<String, Boolean> appliedByHost) {
        return new ChangeStatus(changeId, true, new TreeMap<>(appliedByHost));
    }

    public boolean live() {
        return dispatched && appliedByHost.values().stream().allMatch(applied -> applied);
    }

    public int affectedHosts() {
        return appliedByHost.size();
    }

    public int appliedHosts() {
        return (int) appliedByHost.values().stream().filter(applied -> applied).count();
    }

    public List<String> waitingFor() {
        return appliedByHost.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList();
    }
}
