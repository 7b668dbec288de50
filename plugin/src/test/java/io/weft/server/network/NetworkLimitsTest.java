package io.weft.server.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkLimitsTest {
    @Test
    void defaultsFollowEc2() {
        assertThat(NetworkLimits.DEFAULTS).isEqualTo(new NetworkLimits(5, 60, 10, 16));
    }

    @Test
    void moreThanSixteenGroupsPerNicAreRejected() {
        assertThat(NetworkLimits.DEFAULTS.withGroupsPerNic(16).groupsPerNic()).isEqualTo(16);
        assertThatThrownBy(() -> NetworkLimits.DEFAULTS.withGroupsPerNic(17))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groupsPerNic");
        assertThatThrownBy(() -> NetworkLimits.DEFAULTS.withRulesPerGroupPerDirection(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
