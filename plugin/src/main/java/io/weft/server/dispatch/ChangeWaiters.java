package io.weft.server.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Callers waiting for a change to be live on every host it reached ("apply and wait"). A waiter is
 * completed with the change's status once it is live; one that gives up reads the status itself.
 * Confined to the dispatcher's thread, like the status it is completed with.
 */
final class ChangeWaiters {
    private final Map<Long, List<CompletableFuture<ChangeStatus>>> waiting = new HashMap<>();

    /** Completes {@code done} at once when the change is already live, otherwise once it is. */
    void await(ChangeStatus current, CompletableFuture<ChangeStatus> done) {
        if (current.live()) {
            done.complete(current);
        } else {
            waiting.computeIfAbsent(current.changeId(), id -> new ArrayList<>()).add(done);
        }
    }

    /** Completes the change's waiters if it has become live. */
    void completeIfLive(long changeId, LongFunction<ChangeStatus> status) {
        List<CompletableFuture<ChangeStatus>> waiters = waiting.get(changeId);
        if (waiters == null) {
            return;
        }
        ChangeStatus now = status.apply(changeId);
        if (now.live()) {
            waiters.forEach(w -> w.complete(now));
            waiting.remove(changeId);
        }
    }

    /** After an ack or heartbeat: any waited-for change may have become live. */
    void completeAllLive(LongFunction<ChangeStatus> status) {
        new ArrayList<>(waiting.keySet()).forEach(id -> completeIfLive(id, status));
    }
}
