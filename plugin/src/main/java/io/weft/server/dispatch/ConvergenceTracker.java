package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.AckStatus;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tracks, per host, what was sent and what the agent confirmed, and per change which generation
 * each affected host must reach for the change to be live there. Decides when a host needs a FULL
 * again: an ack or heartbeat whose hash disagrees with what was sent, or no ack within the
 * timeout (retried with exponential backoff, never dropped). Pure: time is passed in.
 */
public final class ConvergenceTracker {
    private final Duration ackTimeout;
    private final Duration maxBackoff;
    private final Duration heartbeatTimeout;
    private final Map<String, HostRecord> hosts = new HashMap<>();
    private final Map<Long, Map<String, Generation>> changes = new HashMap<>();

    public ConvergenceTracker(Duration ackTimeout, Duration maxBackoff, Duration heartbeatTimeout) {
        this.ackTimeout = requireNonNull(ackTimeout, "ackTimeout is null");
        this.maxBackoff = requireNonNull(maxBackoff, "maxBackoff is null");
        this.heartbeatTimeout = requireNonNull(heartbeatTimeout, "heartbeatTimeout is null");
    }

    /** An update left for the host; acks for older generations still count up to their own. */
    public void sent(HostUpdate update, Instant now) {
        record(update, now).attempts = 0;
    }

    /** A FULL resent because the host stayed silent: the next wait is twice as long. */
    public void resent(HostUpdate update, Instant now) {
        record(update, now).attempts++;
    }

    private HostRecord record(HostUpdate update, Instant now) {
        HostRecord host = hosts.computeIfAbsent(update.hostId(), HostRecord::new);
        host.sentHashes.put(update.generation(), update.desiredHash());
        host.desired = update.generation();
        host.desiredHash = update.desiredHash();
        host.lastSent = now;
        return host;
    }

    /** The change is live on each host once that host has applied the generation given for it. */
    public void changeDispatched(long changeId, Map<String, Generation> requiredByHost) {
        changes.put(changeId, new TreeMap<>(requiredByHost));
    }

    /** Records an ack; returns true when the host must be sent a FULL (its hash disagrees). */
    public boolean acked(HostAck ack, Instant now) {
        HostRecord host = hosts.computeIfAbsent(ack.hostId(), HostRecord::new);
        host.lastHeartbeat = now;
        String expected = host.sentHashes.get(ack.generation());
        if (expected == null) {
            // Not a generation we sent in this epoch: harmless if older than what we know was
            // applied (a late duplicate), otherwise the agent holds something we cannot vouch for.
            return !host.applied.isAfter(ack.generation());
        }
        if (!expected.equals(ack.desiredHash())) {
            return true;
        }
        if (ack.status() == AckStatus.FAILED) {
            host.lastError = Optional.ofNullable(ack.error());
            host.failed = true;
            return false;
        }
        host.failed = false;
        host.lastError = Optional.empty();
        if (ack.generation().isAfter(host.applied)) {
            host.applied = ack.generation();
            host.sentHashes.headMap(ack.generation()).clear();
        }
        if (!host.unacked()) {
            host.attempts = 0;
        }
        return false;
    }

    /** Records a heartbeat; returns true when the host must be sent a FULL. */
    public boolean heartbeat(Heartbeat heartbeat, Instant now) {
        HostRecord host = hosts.computeIfAbsent(heartbeat.hostId(), HostRecord::new);
        host.lastHeartbeat = now;
        host.report = Optional.of(new AgentReport(heartbeat.applied(), heartbeat.desiredHash()));
        if (host.desired.equals(Generation.NONE)) {
            return false;
        }
        if (heartbeat.applied().equals(host.desired)) {
            if (!heartbeat.desiredHash().equals(host.desiredHash)) {
                return true;
            }
            if (host.desired.isAfter(host.applied)) {
                host.applied = host.desired; // the ack was lost, the heartbeat proves it applied
            }
        }
        return heartbeat.applied().isAfter(host.desired); // the agent is ahead of us: a stale epoch
    }

    /** Hosts whose newest update has waited longer than the (backed-off) ack timeout. */
    public List<String> overdue(Instant now) {
        List<String> overdue = new ArrayList<>();
        for (HostRecord host : hosts.values()) {
            if (host.unacked() && host.lastSent != null && !now.isBefore(host.lastSent.plus(backoff(host.attempts)))) {
                overdue.add(host.hostId);
            }
        }
        overdue.sort(null);
        return overdue;
    }

    public Optional<HostConvergence> host(String hostId, Instant now) {
        HostRecord host = hosts.get(hostId);
        if (host == null) {
            return Optional.empty();
        }
        return Optional.of(host.view(now, heartbeatTimeout));
    }

    public List<HostConvergence> hosts(Instant now) {
        return hosts.keySet().stream()
                .sorted()
                .map(id -> hosts.get(id).view(now, heartbeatTimeout))
                .toList();
    }

    /** For a dispatched change: every affected host and whether it has applied the change yet. */
    public Optional<Map<String, Boolean>> change(long changeId) {
        Map<String, Generation> required = changes.get(changeId);
        if (required == null) {
            return Optional.empty();
        }
        Map<String, Boolean> applied = new TreeMap<>();
        required.forEach((hostId, generation) -> applied.put(hostId, hasApplied(hostId, generation)));
        return Optional.of(applied);
    }

    public boolean hasApplied(String hostId, Generation generation) {
        HostRecord host = hosts.get(hostId);
        return host != null && host.applied.compareTo(generation) >= 0;
    }

    /** What the host's agent last said it holds, from its newest heartbeat. */
    public Optional<AgentReport> report(String hostId) {
        HostRecord host = hosts.get(hostId);
        return host == null ? Optional.empty() : host.report;
    }

    /** The generation an agent holds and the hash of that state, as its heartbeat tells. */
    public record AgentReport(Generation applied, String desiredHash) {
        public AgentReport {
            requireNonNull(applied, "applied is null");
            requireNonNull(desiredHash, "desiredHash is null");
        }
    }

    /** Forgets a removed host, so it is neither retried nor reported. */
    public void forget(String hostId) {
        hosts.remove(hostId);
        for (Map<String, Generation> required : changes.values()) {
            required.remove(hostId);
        }
    }

    public Set<String> trackedHosts() {
        return new TreeSet<>(hosts.keySet());
    }

    private Duration backoff(int attempts) {
        Duration wait = ackTimeout.multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static final class HostRecord {
        private final String hostId;
        private final TreeMap<Generation, String> sentHashes = new TreeMap<>();
        private Generation desired = Generation.NONE;
        private String desiredHash = "";
        private Generation applied = Generation.NONE;
        private Instant lastSent;
        private Instant lastHeartbeat;
        private int attempts;
        private boolean failed;
        private Optional<String> lastError = Optional.empty();
        private Optional<AgentReport> report = Optional.empty();

        private HostRecord(String hostId) {
            this.hostId = hostId;
        }

        private boolean unacked() {
            return desired.isAfter(applied);
        }

        private HostConvergence view(Instant now, Duration heartbeatTimeout) {
            HostSyncState state;
            if (lastHeartbeat == null || now.isAfter(lastHeartbeat.plus(heartbeatTimeout))) {
                state = HostSyncState.DISCONNECTED;
            } else if (failed) {
                state = HostSyncState.FAILED;
            } else if (unacked()) {
                state = HostSyncState.LAGGING;
            } else {
                state = HostSyncState.IN_SYNC;
            }
            return new HostConvergence(
                    hostId, desired, desiredHash, applied, state, lastError, Optional.ofNullable(lastHeartbeat));
        }
    }
}
