package io.weft.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.ServerSettings;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed requests against one server, through the CloudStack API, the EC2 API and
 * the REST API ({@link HostileCases}). Each must get its documented status and error code (a 5xx
 * only where CloudStack itself answers with one of its 53x codes), no internal class or parser name
 * in the answer, and must change nothing: the state every API shows is read before and after and
 * compared. What looks hostile but is allowed ({@link AcceptedInputs}) must read back as sent.
 */
class HostileInputCatalogueTest {
    /** What an answer must never show: Java class or package names, parser internals. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|org\\.(hibernate|eclipse|apache|h2)|com\\.fasterxml|Exception|"
                    + "\\[Source:|URLDecoder|NumberFormat|at io\\.weft",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dataDir;

    private static WeftServer server;
    private static HostileFixture fixture;

    /** The state after the last refused request, the next one's state before: one snapshot a case. */
    private static String lastState;

    @BeforeAll
    static void start() {
        server =
                WeftServer.start(WeftConfig.of(ServerSettings.ephemeral(dataDir).asMap()));
        CloudStackClient admin =
                CloudStackClient.of(server.cloudStackUri(), ApiKeys.fromCredentialsFile(server.adminCredentialsFile()));
        fixture = HostileFixture.build(server, admin);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<HostileCase> cases() {
        return HostileCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCodeAndChangesNothing(HostileCase hostile) {
        String before = lastState == null ? fixture.state() : lastState;
        lastState = null;

        HostileCase.Answer answer = hostile.send(fixture);

        assertThat(answer.status()).as("status; body: %s", answer.body()).isEqualTo(hostile.status());
        assertThat(answer.code()).as("error code; body: %s", answer.body()).isEqualTo(hostile.code());
        assertThat(INTERNALS.matcher(answer.body()).find())
                .as("internals in %s", answer.body())
                .isFalse();
        String after = fixture.state();
        assertThat(after).as("state after the refused request").isEqualTo(before);
        lastState = after;
    }

    static Stream<AcceptedInput> accepted() {
        return AcceptedInputs.all().stream();
    }

    /** What looks hostile but CloudStack or AWS accept must be stored and read back byte-identical. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void isAcceptedAndReadBackAsSent(AcceptedInput input) {
        lastState = null;
        String read = input.roundTrip().apply(fixture);

        assertThat(read.getBytes(StandardCharsets.UTF_8))
                .as("%s read back as %s", input.value(), read)
                .isEqualTo(input.value().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCatalogueCoversEveryApiAndEveryCaseIsNamedOnce() {
        List<HostileCase> all = HostileCases.all();
        assertThat(all).extracting(HostileCase::api).containsAll(List.of(HostileCase.Api.values()));
        assertThat(all).extracting(HostileCase::toString).doesNotHaveDuplicates();
        assertThat(AcceptedInputs.all()).extracting(AcceptedInput::toString).doesNotHaveDuplicates();
    }

    /** The other half of the wrong behaviours: what is accepted must read back exactly as sent. */
    @Test
    void updateVirtualMachineRenamesAndReadsBack() {
        lastState = null;
        CloudStackClient tenant = fixture.tenantCloudStack();
        String vm = fixture.vmId();
        tenant.ok("updateVirtualMachine", Params.of("id", vm).and("displayname", "web front * ~ é"));
        JsonNode listed =
                tenant.ok("listVirtualMachines", "id", vm).get("virtualmachine").get(0);
        assertThat(listed.get("displayname").asText()).isEqualTo("web front * ~ é");

        tenant.ok("updateVirtualMachine", Params.of("id", vm).and("name", "web-2"));
        listed =
                tenant.ok("listVirtualMachines", "id", vm).get("virtualmachine").get(0);
        assertThat(listed.get("name").asText()).isEqualTo("web-2");
        assertThat(listed.get("displayname").asText()).isEqualTo("web front * ~ é");
    }
}
