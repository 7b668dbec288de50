package io.weft.server.api.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void waitsDoubleFromOneSecondUpToTheCeiling() {
        Backoff backoff = Backoff.upTo(Duration.ofSeconds(60));

        List<Long> seconds = IntStream.rangeClosed(1, 9)
                .mapToObj(attempt -> backoff.after(attempt).toSeconds())
                .toList();

        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aCeilingBelowOneSecondIsAlsoTheFirstWait() {
        Backoff backoff = Backoff.upTo(Duration.ofMillis(300));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void manyFailuresNeverOverflowPastTheCeiling() {
        Backoff backoff = Backoff.upTo(Duration.ofMinutes(5));

        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> Backoff.upTo(Duration.ofSeconds(1)).after(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
