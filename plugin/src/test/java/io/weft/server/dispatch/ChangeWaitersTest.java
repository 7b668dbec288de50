package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChangeWaitersTest {
    private final ChangeWaiters waiters = new ChangeWaiters();
    private final Map<Long, ChangeStatus> statuses = new HashMap<>();

    @Test
    void aChangeAlreadyLiveCompletesTheWaiterAtOnce() {
        CompletableFuture<ChangeStatus> done = new CompletableFuture<>();

        waiters.await(ChangeStatus.of(1, Map.of("h1", true)), done);

        assertThat(done).isCompletedWithValue(ChangeStatus.of(1, Map.of("h1", true)));
    }

    @Test
    void aWaiterIsCompletedOnceEveryHostHasAppliedTheChange() {
        CompletableFuture<ChangeStatus> done = new CompletableFuture<>();
        waiters.await(ChangeStatus.of(1, Map.of("h1", false, "h2", true)), done);

        statuses.put(1L, ChangeStatus.of(1, Map.of("h1", false, "h2", true)));
        waiters.completeAllLive(statuses::get);
        assertThat(done).isNotDone();

        statuses.put(1L, ChangeStatus.of(1, Map.of("h1", true, "h2", true)));
        waiters.completeIfLive(1, statuses::get);
        assertThat(done).isCompletedWithValue(statuses.get(1L));
    }

    @Test
    void aChangeNotYetDispatchedIsNotLive() {
        CompletableFuture<ChangeStatus> done = new CompletableFuture<>();
        waiters.await(ChangeStatus.pending(7), done);

        statuses.put(7L, ChangeStatus.pending(7));
        waiters.completeAllLive(statuses::get);

        assertThat(done).isNotDone();
    }
}
