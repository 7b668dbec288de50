package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.model.IpAddress;
import io.weft.rules.model.LocalNic;
import io.weft.server.network.NetworkFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NIC's secondary private addresses (EC2 AssignPrivateIpAddresses) reach the hosts as addresses of
 * the NIC: its own host lets them out, and the peers see them as members of the NIC's groups, both
 * when the dispatcher follows the change record and when it loads the whole fleet; unassigned, they
 * are gone again.
 */
class SecondaryAddressFleetTest {
    @TempDir
    Path dir;

    private WebGroupFleet fleet;
    private NetworkFixture fx;
    private UUID nic;

    @BeforeEach
    void start() {
        fleet = new WebGroupFleet(dir);
        fx = fleet.fx;
        nic = fleet.nicOfA();
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void secondaryAddressesAreAddressesOfTheNicOnItsHostAndInItsGroups() {
        int before = fx.changes().size();
        List<String> assigned = fx.nics
                .assignSecondaryAddresses(fx.alice, nic, List.of("10.9.0.50"), 1)
                .value()
                .assigned();
        assertThat(assigned).hasSize(2).startsWith("10.9.0.50");
        IpAddress picked = IpAddress.parse(assigned.get(1));
        assertThat(fx.changesAfter(before)).containsExactly(NetworkFixture.record("nic", List.of(nic), false));
        fleet.follow(nic, false);

        for (FleetModel model : List.of(fleet.followed(), fleet.loaded())) {
            assertThat(localNic(model).ips())
                    .containsExactly(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.50"), picked);
            assertThat(fleet.membersSeenBy(model, fx.host2))
                    .containsExactlyInAnyOrder(
                            IpAddress.parse("10.9.0.5"),
                            IpAddress.parse("10.9.0.6"),
                            IpAddress.parse("10.9.0.50"),
                            picked);
        }

        before = fx.changes().size();
        fx.nics.unassignSecondaryAddresses(fx.alice, nic, List.of("10.9.0.50", picked.toString()));
        assertThat(fx.changesAfter(before)).containsExactly(NetworkFixture.record("nic", List.of(nic), true));
        fleet.follow(nic, true);
        for (FleetModel model : List.of(fleet.followed(), fleet.loaded())) {
            assertThat(localNic(model).ips()).containsExactly(IpAddress.parse("10.9.0.5"));
            assertThat(fleet.membersSeenBy(model, fx.host2))
                    .containsExactlyInAnyOrder(IpAddress.parse("10.9.0.5"), IpAddress.parse("10.9.0.6"));
        }
    }

    private LocalNic localNic(FleetModel model) {
        return fleet.host(model, fx.host1).nics().stream()
                .filter(local -> local.nicId().equals(nic.toString()))
                .findFirst()
                .orElseThrow();
    }
}
