package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NorthdStopwatchTest {

    @Test
    void readsEveryStopwatchOfStopwatchShow() {
        String show =
                """
                Statistics for 'ovnnb_db_run'
                  Total samples: 7
                  Maximum: 41 msec
                  Minimum: 22 msec
                  95th percentile: 34.000000 msec
                  Short term average: 30.100000 msec
                  Long term average: 40.160816 msec
                Statistics for 'build_lflows'
                  Total samples: 3
                  Maximum: 94 msec
                  Minimum: 54 msec
                  95th percentile: 94.000000 msec
                  Short term average: 55.000000 msec
                  Long term average: 55.279661 msec
                """;

        Map<String, NorthdStopwatch> stopwatches = NorthdStopwatch.parse(show);

        assertThat(stopwatches)
                .containsExactly(
                        Map.entry("ovnnb_db_run", new NorthdStopwatch(7, 41, 22, 34, 40.160816)),
                        Map.entry("build_lflows", new NorthdStopwatch(3, 94, 54, 94, 55.279661)));
    }
}
