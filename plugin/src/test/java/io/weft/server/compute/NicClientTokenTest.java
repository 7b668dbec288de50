package io.weft.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.error.ErrorCode;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.network.NewNetwork;
import io.weft.server.persistence.DatabaseVendor;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client tokens are kept with their NIC and unique per account, by the V3 migration's key, on every database. */
class NicClientTokenTest {
    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aTokenIsFoundWithItsNicAndCannotMakeASecondNicInTheSameAccount(DatabaseVendor vendor) {
        try (NetworkFixture fx = new NetworkFixture(vendor, dataDirectory)) {
            NetworkView alices = fx.networks
                    .create(fx.alice, NewNetwork.of(fx.zone, "a", "10.1.0.0/24"))
                    .value();
            NetworkView bobs = fx.networks
                    .create(fx.bob, NewNetwork.of(fx.zone, "b", "10.1.0.0/24"))
                    .value();
            ClientToken token = new ClientToken("token-1", "hash-of-the-first-request");

            NicView made = fx.nics
                    .create(fx.alice, Optional.empty(), NicSpec.on(alices.id()), Optional.of(token))
                    .value();

            assertThat(fx.nics.findByClientToken(fx.alice, "token-1"))
                    .contains(new NicService.CreatedWithToken(made, token));
            assertThat(fx.nics.findByClientToken(fx.bob, "token-1")).isEmpty();
            assertThat(fx.nics.findByClientToken(fx.alice, "token-2")).isEmpty();
            // What a concurrent create with the same token meets: the unique key, as a retryable race.
            fx.assertFailsUnchanged(
                    () -> fx.nics.create(fx.alice, Optional.empty(), NicSpec.on(alices.id()), Optional.of(token)),
                    ErrorCode.CONCURRENT_MODIFICATION);
            NicView bobsNic = fx.nics
                    .create(fx.bob, Optional.empty(), NicSpec.on(bobs.id()), Optional.of(token))
                    .value();
            assertThat(fx.nics
                            .findByClientToken(fx.bob, "token-1")
                            .orElseThrow()
                            .nic()
                            .id())
                    .isEqualTo(bobsNic.id());
            // NICs without a token never collide.
            fx.nics.create(fx.alice, Optional.empty(), NicSpec.on(alices.id()));
            fx.nics.create(fx.alice, Optional.empty(), NicSpec.on(alices.id()));
            fx.assertFailsUnchanged(
                    () -> fx.nics.create(
                            fx.alice,
                            Optional.empty(),
                            NicSpec.on(alices.id()),
                            Optional.of(new ClientToken("t".repeat(65), "hash"))),
                    ErrorCode.INVALID_PARAMETER);
        }
    }
}
