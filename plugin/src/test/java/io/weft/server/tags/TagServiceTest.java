package io.weft.server.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkView;
import io.weft.server.persistence.DatabaseVendor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagServiceTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    NetworkView network;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        network = fx.network(fx.alice, "web", "10.1.0.0/24");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aResourceCarriesAtMostFiftyTagsAndARefusalChangesNoResource() {
        NetworkView other = fx.network(fx.alice, "db", "10.2.0.0/24");
        Map<String, String> fortyEight = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 48; i++) {
            fortyEight.put("k" + i, "v");
        }
        fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), fortyEight);

        // 48 + 3 new keys on the first network is 51: neither network changes, the second included.
        assertThatThrownBy(() -> fx.tags.create(
                        fx.alice,
                        Map.of(TaggedType.NETWORK, List.of(other.id(), network.id())),
                        Map.of("a", "1", "b", "2", "c", "3")))
                .isInstanceOf(WeftException.class)
                .extracting(e -> ((WeftException) e).code())
                .isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(fx.tags.list(fx.alice, TaggedType.NETWORK, List.of(network.id())))
                .hasSize(48);
        assertThat(fx.tags.list(fx.alice, TaggedType.NETWORK, List.of(other.id())))
                .isEmpty();

        // Overwriting an existing key adds nothing; 50 in all is allowed.
        fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("k0", "new", "a", "1", "b", "2"));
        assertThat(fx.tags.list(fx.alice, TaggedType.NETWORK, List.of(network.id())))
                .hasSize(50);
        assertThatThrownBy(() -> fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("c", "3")))
                .isInstanceOf(WeftException.class);
        assertThat(fx.tags.list(fx.alice, TaggedType.NETWORK, List.of(network.id())))
                .hasSize(50);
    }

    @Test
    void tagsAreSetOverwrittenFoundAndDeletedWithoutChangeRecords() {
        int before = fx.changes().size();
        fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("env", "dev", "team", "a"));
        List<TagView> tags = fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("env", "prod"));
        assertThat(tags)
                .extracting(TagView::key, TagView::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("env", "prod"),
                        org.assertj.core.groups.Tuple.tuple("team", "a"));
        assertThat(fx.tags.find(fx.alice, TaggedType.NETWORK, Optional.of("env"), Optional.of("prod")))
                .extracting(TagView::resourceId)
                .containsExactly(network.id());

        fx.tags.delete(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("env", Optional.of("dev")));
        assertThat(fx.tags.list(fx.alice, TaggedType.NETWORK, List.of(network.id())))
                .hasSize(2);
        fx.tags.delete(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("env", Optional.empty()));
        assertThat(fx.tags.list(fx.alice, TaggedType.NETWORK, List.of(network.id())))
                .extracting(TagView::key)
                .containsExactly("team");
        assertThat(fx.changesAfter(before)).isEmpty();
    }

    @Test
    void anotherTenantCannotTagOrSeeTags() {
        fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("env", "dev"));
        fx.assertFailsUnchanged(
                () -> fx.tags.create(fx.bob, TaggedType.NETWORK, List.of(network.id()), Map.of("x", "y")),
                ErrorCode.NOT_FOUND);
        assertThat(fx.tags.list(fx.bob, TaggedType.NETWORK, List.of(network.id())))
                .isEmpty();
        assertThat(fx.tags.find(fx.bob, TaggedType.NETWORK, Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void tagsGoWithTheirResource() {
        fx.tags.create(fx.alice, TaggedType.NETWORK, List.of(network.id()), Map.of("env", "dev"));
        fx.networks.delete(fx.alice, network.id(), false);
        assertThat(fx.tags.find(fx.root, TaggedType.NETWORK, Optional.empty(), Optional.empty()))
                .isEmpty();
    }
}
