package io.weft.server.api.cloudstack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults are there on the first start, once, and survive restarts unchanged. */
class CatalogueSeedingTest {
    @TempDir
    Path dataDir;

    @Test
    void defaultsAreSeededOnceAndKeptAcrossRestarts() {
        List<String> first;
        String removed;
        try (WeftServer server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()))) {
            CloudStackClient admin = CloudStackClient.of(
                    server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
            first = ids(admin.ok("listServiceOfferings"), "serviceoffering");
            assertThat(first)
                    .containsExactly(
                            SeededCatalogue.SMALL_INSTANCE.toString(), SeededCatalogue.MEDIUM_INSTANCE.toString());
            assertThat(ids(admin.ok("listTemplates", "templatefilter", "all"), "template"))
                    .containsExactly(SeededCatalogue.UBUNTU_TEMPLATE.toString());
            removed = SeededCatalogue.MEDIUM_INSTANCE.toString();
            admin.ok("deleteServiceOffering", "id", removed);
        }
        try (WeftServer server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()))) {
            CloudStackClient admin = CloudStackClient.of(
                    server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
            // Not seeded again: what the operator deleted stays deleted.
            assertThat(ids(admin.ok("listServiceOfferings"), "serviceoffering"))
                    .containsExactly(SeededCatalogue.SMALL_INSTANCE.toString());
            assertThat(ids(admin.ok("listTemplates", "templatefilter", "all"), "template"))
                    .containsExactly(SeededCatalogue.UBUNTU_TEMPLATE.toString());
        }
    }

    private static List<String> ids(JsonNode list, String key) {
        List<String> ids = new ArrayList<>();
        list.path(key).forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
