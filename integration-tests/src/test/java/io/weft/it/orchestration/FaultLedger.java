package io.weft.it.orchestration;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How many faults of each kind a chaos run injected. A fault counts once it has been done to the
 * system (a server stopped, a connection cut, an update thrown away); the run only passes when
 * everything converged afterwards, so the counts are also the faults survived.
 */
final class FaultLedger {
    enum Kind {
        SERVER_RESTART,
        BROKER_RESTART,
        AGENT_RESTART,
        DATABASE_CUT,
        DATAPLANE_EDIT,
        UPDATE_DROPPED,
        UPDATE_DUPLICATED,
        UPDATE_DELAYED,
        REPLY_DROPPED,
        REPLY_DUPLICATED,
        REPLY_DELAYED
    }

    private final Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);

    FaultLedger() {
        for (Kind kind : Kind.values()) {
            counts.put(kind, new AtomicLong());
        }
    }

    void count(Kind kind) {
        counts.get(kind).incrementAndGet();
    }

    void count(Kind kind, long times) {
        counts.get(kind).addAndGet(times);
    }

    long get(Kind kind) {
        return counts.get(kind).get();
    }

    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** {@code faults survived: 1234 (SERVER_RESTART 2, …)}, one line for the build log. */
    String line() {
        return "faults survived: " + total() + " ("
                + counts.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().get())
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
