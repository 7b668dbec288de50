package io.weft.bench.system;

import java.time.Duration;

/**
 * The pauses between polls of one async job: short at first, as most jobs end within tens of
 * milliseconds, then doubling up to half a second, so that slow jobs do not multiply the polls and
 * load the server being measured (every poll is a request, a transaction and a question to the
 * dispatcher).
 */
final class JobPolling {
    private static final Duration MAX = Duration.ofMillis(500);

    private Duration next;

    JobPolling(Duration first) {
        this.next = first;
    }

    void pause() {
        try {
            Thread.sleep(next.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling a job", e);
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    }
}
