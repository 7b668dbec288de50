package io.weft.server.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.rules.model.MacAddress;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentPoolTest {
    private final SegmentPool pool =
            new SegmentPool("VNI", List.of(new SegmentPool.Range(5000, 5001), new SegmentPool.Range(7000, 7000)));

    @Test
    void allocatesLowestFreeAcrossRanges() {
        assertThat(pool.allocate(Set.of(), Optional.empty())).isEqualTo(5000);
        assertThat(pool.allocate(Set.of(5000L, 5001L), Optional.empty())).isEqualTo(7000);
    }

    @Test
    void exhaustedRangesGiveACapacityError() {
        assertThatThrownBy(() -> pool.allocate(Set.of(5000L, 5001L, 7000L), Optional.empty()))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPACITY_EXHAUSTED));
    }

    @Test
    void requestedIdMustBeInsideAndFree() {
        assertThat(pool.allocate(Set.of(), Optional.of(7000L))).isEqualTo(7000);
        assertThatThrownBy(() -> pool.allocate(Set.of(), Optional.of(6000L))).isInstanceOf(WeftException.class);
        assertThatThrownBy(() -> pool.allocate(Set.of(7000L), Optional.of(7000L)))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE));
    }

    @Test
    void randomMacsAreLocallyAdministeredUnicast() {
        MacAddress mac = MacAddresses.random(new Random(7), Set.of());
        assertThat(mac.toString()).startsWith("02:");
        assertThat(MacAddresses.isAssignable(mac)).isTrue();
        assertThat(MacAddresses.isAssignable(MacAddress.parse("01:00:5e:00:00:01")))
                .isFalse();
    }
}
