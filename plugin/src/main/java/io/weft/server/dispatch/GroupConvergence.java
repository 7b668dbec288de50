package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Where a security group's latest version is live: per host holding the group, applied or not. */
public record GroupConvergence(String groupId, Optional<Long> latestChange, SortedMap<String, Boolean> liveByHost) {
    public GroupConvergence {
        requireNonNull(groupId, "groupId is null");
        requireNonNull(latestChange, "latestChange is null");
        liveByHost = new TreeMap<>(requireNonNull(liveByHost, "liveByHost is null"));
    }

    public int hostsHolding() {
        return liveByHost.size();
    }

    public int hostsLive() {
        return (int) liveByHost.values().stream().filter(live -> live).count();
    }

    public static GroupConvergence of(String groupId, Optional<Long> latestChange, Map<String, Boolean> live) {
        return new GroupConvergence(groupId, latestChange, new TreeMap<>(live));
    }
}
