package io.weft.server.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressPoolTest {
    private final AddressPool pool = AddressPool.of(Cidr.parse("10.1.1.0/29"), ip("10.1.1.1"));

    @Test
    void allocatesTheLowestFreeAddressSkippingTheGateway() {
        assertThat(pool.allocate(Set.of(), Optional.empty())).isEqualTo(ip("10.1.1.2"));
        assertThat(pool.allocate(Set.of(ip("10.1.1.2")), Optional.empty())).isEqualTo(ip("10.1.1.3"));
    }

    @Test
    void neverHandsOutTheNetworkOrBroadcastAddress() {
        assertThat(pool.isAssignable(ip("10.1.1.0"))).isFalse();
        assertThat(pool.isAssignable(ip("10.1.1.7"))).isFalse();
        assertThat(pool.isAssignable(ip("10.1.1.6"))).isTrue();
    }

    @Test
    void exhaustionIsACapacityError() {
        Set<IpAddress> used = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            used.add(pool.allocate(used, Optional.empty()));
        }
        assertThatThrownBy(() -> pool.allocate(used, Optional.empty()))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPACITY_EXHAUSTED));
    }

    @Test
    void requestedAddressMustBeFreeAndInside() {
        assertThat(pool.allocate(Set.of(), Optional.of(ip("10.1.1.5")))).isEqualTo(ip("10.1.1.5"));
        assertThatThrownBy(() -> pool.allocate(Set.of(ip("10.1.1.5")), Optional.of(ip("10.1.1.5"))))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE));
        assertThatThrownBy(() -> pool.allocate(Set.of(), Optional.of(ip("10.1.2.5"))))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThatThrownBy(() -> pool.allocate(Set.of(), Optional.of(ip("10.1.1.1"))))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @Test
    void aNarrowedRangeIsRespected() {
        AddressPool narrow =
                new AddressPool(Cidr.parse("10.1.0.0/24"), ip("10.1.0.1"), ip("10.1.0.100"), ip("10.1.0.101"));
        assertThat(narrow.allocate(Set.of(), Optional.empty())).isEqualTo(ip("10.1.0.100"));
        assertThat(narrow.isAssignable(ip("10.1.0.99"))).isFalse();
    }

    @Test
    void gatewayOutsideTheCidrIsRefused() {
        assertThatThrownBy(() -> AddressPool.of(Cidr.parse("10.1.1.0/24"), ip("10.1.2.1")))
                .isInstanceOf(WeftException.class);
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
