package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.server.topology.HostState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.SessionFactory;

/**
 * Copies each host's desired and applied generation, error and last heartbeat onto its row, so
 * that every server (not only the lease holder) and the CloudStack host listing can show them.
 * Only hosts that changed since the last flush are written, in one transaction.
 */
public final class HostStatusWriter {
    private final SessionFactory sessions;
    private final Set<String> changed = new TreeSet<>();

    public HostStatusWriter(SessionFactory sessions) {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /** The host was sent something or was heard from: its row is written at the next flush. */
    public void changed(String hostId) {
        changed.add(hostId);
    }

    /** Writes the current convergence of every host that changed; hosts no longer tracked are skipped. */
    public void flush(Function<String, Optional<HostConvergence>> current) {
        if (changed.isEmpty()) {
            return;
        }
        List<HostConvergence> hosts = new ArrayList<>();
        for (String hostId : changed) {
            current.apply(hostId).ifPresent(hosts::add);
        }
        changed.clear();
        sessions.inTransaction(session -> {
            for (HostConvergence host : hosts) {
                session.createMutationQuery(
                                "update Host set desiredGeneration = :desired, appliedGeneration = :applied,"
                                        + " appliedHash = :hash, lastError = :error, lastHeartbeat = :heartbeat,"
                                        + " state = :state where uuid = :uuid")
                        .setParameter("desired", host.desired().number())
                        .setParameter("applied", host.applied().number())
                        .setParameter("hash", host.inSync() ? host.desiredHash() : null)
                        .setParameter("error", host.lastError().orElse(null))
                        .setParameter("heartbeat", host.lastHeartbeat().orElse(null))
                        .setParameter("state", connectionState(host))
                        .setParameter("uuid", UUID.fromString(host.hostId()))
                        .executeUpdate();
            }
        });
    }

    /**
     * The host's state as CloudStack shows it: Connecting until its agent is first heard from, then
     * Up while it heartbeats, Alert while it reports that it cannot program its dataplane, and
     * Disconnected once silent for longer than the heartbeat timeout.
     */
    static HostState connectionState(HostConvergence host) {
        if (host.lastHeartbeat().isEmpty()) {
            return HostState.CONNECTING;
        }
        return switch (host.state()) {
            case DISCONNECTED -> HostState.DISCONNECTED;
            case FAILED -> HostState.ALERT;
            case IN_SYNC, LAGGING -> HostState.UP;
        };
    }
}
