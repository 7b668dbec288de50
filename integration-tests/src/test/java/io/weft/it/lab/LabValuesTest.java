package io.weft.it.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.lab.infra.LabId;
import io.weft.lab.infra.PingResult;
import io.weft.lab.infra.VmSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure parts of the lab; these run everywhere, root or not. */
class LabValuesTest {

    @Test
    void pingSummaryIsParsed() {
        String output =
                """
                PING 10.10.0.2 (10.10.0.2) 56(84) bytes of data.

                --- 10.10.0.2 ping statistics ---
                3 packets transmitted, 2 received, 33.3333% packet loss, time 403ms
                rtt min/avg/max/mdev = 0.581/0.971/1.439/0.354 ms
                """;

        assertThat(PingResult.parse(output)).contains(new PingResult(3, 2));
        assertThat(PingResult.parse("ping: connect: Network is unreachable")).isEmpty();
    }

    @Test
    void pingSummaryWithErrorsIsParsed() {
        String output = "4 packets transmitted, 0 received, +4 errors, 100% packet loss, time 3050ms";

        assertThat(PingResult.parse(output)).contains(new PingResult(4, 0));
        assertThat(new PingResult(4, 0).anyReceived()).isFalse();
        assertThat(new PingResult(0, 0).allReceived()).isFalse();
    }

    @Test
    void labIdRoundTripsThroughTheNamesItProduces() {
        LabId id = new LabId(4711, 3);

        assertThat(id.namespace("hv1")).isEqualTo("wl4711n3-hv1");
        assertThat(LabId.parse(id.namespace("hv1"))).contains(id);
        assertThat(LabId.parse(id.value())).contains(id);
        assertThat(LabId.parse("wlan0")).isEmpty();
        assertThat(LabId.parse("other-hv1")).isEqualTo(Optional.empty());
        assertThat(LabId.parse("wl99999999999999999999n1-ul")).isEmpty();
    }

    @Test
    void vmSpecRejectsNamesThatDoNotFitTheKernelLimit() {
        assertThatThrownBy(() -> VmSpec.of("vm1", "tap-much-too-long", "02:00:00:00:00:01", "10.0.0.1/24"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VmSpec.of("vm1", "tapvm1", "02:00:00:00:00:01", "10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VmSpec.of("vm1", "tapvm1", "02:00:00:00:00:01", "10.0.0.1/24")
                        .ipv4Address())
                .isEqualTo("10.0.0.1");
    }
}
