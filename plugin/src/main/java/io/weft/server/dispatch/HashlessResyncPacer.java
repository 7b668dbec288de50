package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paces the FULLs that agents ask for without saying what they hold. Such a request is the one
 * message with which an agent makes the server do real work (compile and send its host's whole
 * state) at will; an agent is trusted for its own host only, so a compromised one must not be able
 * to keep the dispatcher busy building FULL after FULL. At most one such FULL goes to a host per
 * interval. A request inside the interval is deferred, not dropped: the host gets one FULL when
 * the interval ends, however many requests came meanwhile, since one FULL answers them all.
 * Resync requests that carry a hash are not paced: they are answered from what the agent holds,
 * with a few bytes when it is in sync.
 *
 * <p>Logic only: the dispatcher's thread calls it with the time.
 */
final class HashlessResyncPacer {
    private final Duration interval;
    private final Map<String, Instant> lastFull = new HashMap<>();
    // Ordered by host id, so that deferred FULLs go out in a stable order.
    private final Map<String, Instant> deferredUntil = new TreeMap<>();

    HashlessResyncPacer(Duration interval) {
        this.interval = requireNonNull(interval, "interval is null");
    }

    /**
     * Whether a FULL for {@code hostId}'s request may be built now; when it may, the time is noted.
     * When it may not, the FULL is deferred to the end of the host's interval.
     */
    boolean admit(String hostId, Instant now) {
        Instant last = lastFull.get(hostId);
        if (last == null || !now.isBefore(last.plus(interval))) {
            lastFull.put(hostId, now);
            deferredUntil.remove(hostId);
            return true;
        }
        deferredUntil.putIfAbsent(hostId, last.plus(interval));
        return false;
    }

    /** The hosts whose deferred FULL is due at {@code now}; each is taken as sent now. */
    List<String> due(Instant now) {
        List<String> due = new ArrayList<>();
        deferredUntil.entrySet().removeIf(entry -> {
            if (now.isBefore(entry.getValue())) {
                return false;
            }
            due.add(entry.getKey());
            lastFull.put(entry.getKey(), now);
            return true;
        });
        return due;
    }

    /** Forgets every host: a new leader starts without history. */
    void clear() {
        lastFull.clear();
        deferredUntil.clear();
    }
}
