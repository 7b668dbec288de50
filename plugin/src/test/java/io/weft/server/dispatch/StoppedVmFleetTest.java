package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.model.IpAddress;
import io.weft.server.network.NetworkFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped VM's NICs are withdrawn from the fleet the dispatcher compiles: their addresses leave
 * the sets of the groups they were in on every other host, both when the dispatcher follows the
 * change record the stop wrote and when it loads the whole fleet; starting the VM brings them back.
 */
class StoppedVmFleetTest {
    @TempDir
    Path dir;

    private WebGroupFleet fleet;

    @BeforeEach
    void start() {
        fleet = new WebGroupFleet(dir);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void aStoppedVmsAddressesLeaveThePeersSetsAndReturnWhenItStarts() {
        NetworkFixture fx = fleet.fx;
        assertThat(fleet.membersSeenBy(fleet.followed(), fx.host2)).contains(IpAddress.parse("10.9.0.5"));

        int before = fx.changes().size();
        fx.vms.stop(fx.alice, fleet.a.id());
        UUID nic = fleet.nicOfA();
        assertThat(fx.changesAfter(before)).containsExactly(NetworkFixture.record("nic", List.of(nic), true));
        fleet.follow(nic, true);
        assertThat(fleet.membersSeenBy(fleet.followed(), fx.host2)).containsExactly(IpAddress.parse("10.9.0.6"));
        assertThat(fleet.membersSeenBy(fleet.loaded(), fx.host2)).containsExactly(IpAddress.parse("10.9.0.6"));
        assertThat(fleet.host(fleet.followed(), fx.host1).nics()).isEmpty();

        fx.vms.start(fx.root, fleet.a.id(), Optional.empty());
        fleet.follow(nic, false);
        assertThat(fleet.membersSeenBy(fleet.followed(), fx.host2))
                .containsExactlyInAnyOrder(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.6"));
        assertThat(fleet.membersSeenBy(fleet.loaded(), fx.host2))
                .containsExactlyInAnyOrder(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.6"));
    }
}
