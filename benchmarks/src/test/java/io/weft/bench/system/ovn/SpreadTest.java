package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndSamplesKeepTheirOrder() {
        Spread spread = Spread.of(List.of(4.0, 1.0, 3.0, 2.0));

        assertThat(spread.medianMillis()).isEqualTo(2.5);
        assertThat(spread.minMillis()).isEqualTo(1.0);
        assertThat(spread.maxMillis()).isEqualTo(4.0);
        assertThat(spread.samplesMillis()).containsExactly(4.0, 1.0, 3.0, 2.0);
    }
}
