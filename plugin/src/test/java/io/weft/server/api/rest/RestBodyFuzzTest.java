package io.weft.server.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.weft.server.api.cloudstack.InMemoryApiKeyDirectory;
import io.weft.server.api.operator.OperatorApiModule;
import io.weft.server.api.port.PortApiModule;
import io.weft.server.api.port.PortApiSettings;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicSpec;
import io.weft.server.dispatch.ConvergenceQueries;
import io.weft.server.dispatch.NotDispatching;
import io.weft.server.network.NetworkFixture;
import io.weft.server.network.NetworkService;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.securitygroup.NewSecurityGroup;
import io.weft.server.topology.HostService;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the native REST API's request bodies: arbitrary bytes, under an
 * arbitrary content type, sent as the body of each operation of the operator and port APIs, through
 * Jetty's HTTP parser (an in-process {@link LocalConnector}, no socket) into the real
 * {@link RestHandler} with the real routes over real services and an H2 database. The contract:
 * never a 5xx, only the statuses the description gives ({@code {"error":{"code","message"}}} with
 * the status of the code, 405, 413); no parser or class name in an answer; a refused request
 * changes nothing (the tables a request can write, read before and after); what is accepted was one
 * well-formed JSON document in valid UTF-8, with no name twice, so it means what it says.
 *
 * <p>The placeholders {@code $NET}, {@code $SG}, {@code $HOST} and {@code $PORT} in a body are
 * replaced by the ids of a real network, security group, host and port, so seeds written by hand
 * reach past the id checks. A plain build replays {@code RestBodyFuzzTestInputs/request/};
 * {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md, "Fuzzing").
 */
class RestBodyFuzzTest {
    private static final Set<Integer> DOCUMENTED = Set.of(200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 422);
    private static final int MAX_BODY = 4096;
    /** What an answer must never show: the JSON parser's location text, class and package names. */
    private static final List<String> INTERNALS =
            List.of("[Source:", "Exception", "jackson", "fasterxml", "java.", "io.weft", "org.", "line: ", "at [");
    /** Reads a body the strict way, to tell what the handler should not have accepted. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final List<String> TABLES =
            List.of("nics", "nic_security_groups", "hosts", "networks", "security_groups");

    /** Each operation, with the ids of real objects in its path. */
    private enum Operation {
        CREATE_PORT("POST", "/ports"),
        GET_PORT("GET", "/ports/$PORT"),
        DELETE_PORT("DELETE", "/ports/$SPARE"),
        BIND_PORT("PUT", "/ports/$PORT/binding"),
        UNBIND_PORT("DELETE", "/ports/$PORT/binding"),
        SET_GROUPS("PUT", "/ports/$PORT/security-groups"),
        LIST_HOSTS("GET", "/hosts"),
        GET_HOST("GET", "/hosts/$HOST"),
        ROTATE_CREDENTIAL("POST", "/hosts/$HOST/agent-credential"),
        GET_CHANGE("GET", "/changes/1"),
        GROUP_CONVERGENCE("GET", "/security-groups/$SG/convergence");

        final String method;
        final String path;

        Operation(String method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    @TempDir
    static Path dataDirectory;

    private static NetworkFixture fx;
    private static Server server;
    private static LocalConnector connector;
    private static UUID network;
    private static UUID group;
    private static UUID port;

    @BeforeAll
    static void start() throws Exception {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        network = fx.network(fx.alice, "fuzz", "10.20.0.0/16").id();
        group = fx.groups
                .create(fx.alice, NewSecurityGroup.cloudStack("fuzz"))
                .value()
                .id();
        port = newPort();
        Set<RestRoute> routes = Guice.createInjector(
                        new PortApiModule(PortApiSettings.defaults()), new OperatorApiModule(), binder -> {
                            binder.bind(NicService.class).toInstance(fx.nics);
                            binder.bind(NetworkService.class).toInstance(fx.networks);
                            binder.bind(HostService.class).toInstance(fx.hosts);
                            binder.bind(ConvergenceQueries.class).toInstance(new NotDispatching());
                            binder.bind(SessionFactory.class).toInstance(fx.sessions);
                            binder.bind(Clock.class).toInstance(fx.tenancy.clock);
                        })
                .getInstance(Key.get(new TypeLiteral<Set<RestRoute>>() {}));
        InMemoryApiKeyDirectory directory = new InMemoryApiKeyDirectory()
                .add("root", "root-secret", fx.root)
                .add("alice", "alice-secret", fx.alice);
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new RestHandler(routes, directory, MAX_BODY));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        fx.close();
    }

    /**
     * The input: its first byte picks the operation, its second the user (root or a tenant), the
     * bytes up to the first newline are the content type, the rest is the body.
     */
    @FuzzTest(maxDuration = "60s")
    void request(byte[] input) throws Exception {
        if (input.length < 2) {
            return;
        }
        Operation operation = Operation.values()[Byte.toUnsignedInt(input[0]) % Operation.values().length];
        String user = input[1] % 2 == 0 ? "root" : "alice";
        int newline = 2;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        // A header value Jetty's parser takes (it refuses CR, LF and NUL before any handler runs).
        String contentType =
                new String(input, 2, newline - 2, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "");
        byte[] body = withIds(Arrays.copyOfRange(input, Math.min(newline + 1, input.length), input.length));

        String path = operation.path;
        if (operation == Operation.DELETE_PORT) {
            path = path.replace("$SPARE", newPort().toString());
        }
        path = RestHandler.PREFIX
                + new String(withIds(path.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
        String before = state();
        HttpTester.Response response = send(operation.method, path, user, contentType, body);

        int status = response.getStatus();
        String answer = response.getContent();
        assertThat(status).as(answer).isIn(DOCUMENTED);
        for (String internal : INTERNALS) {
            assertThat(answer).as("status %d", status).doesNotContainIgnoringCase(internal);
        }
        if (status >= 400) {
            JsonNode error = STRICT.readTree(answer).get("error");
            assertThat(error.get("code").isTextual()).as(answer).isTrue();
            assertThat(error.get("message").isTextual()).as(answer).isTrue();
            assertThat(state())
                    .as("a refused request (%d %s) changed state", status, answer)
                    .isEqualTo(before);
            return;
        }
        // Accepted: the body was valid UTF-8 and, unless blank, one JSON document without duplicates.
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body))
                .toString();
        if (!text.isBlank()) {
            assertWholeText(STRICT.readTree(text));
        }
    }

    /** Every string in an accepted body is whole Unicode text: no unpaired surrogate, which no answer could give back. */
    private static void assertWholeText(JsonNode node) {
        if (node.isTextual()) {
            assertWholeText(node.textValue());
        }
        node.fieldNames().forEachRemaining(RestBodyFuzzTest::assertWholeText);
        node.elements().forEachRemaining(RestBodyFuzzTest::assertWholeText);
    }

    private static void assertWholeText(String text) {
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(text))
                .as("accepted a string with an unpaired surrogate")
                .isTrue();
    }

    private static HttpTester.Response send(String method, String path, String user, String contentType, byte[] body)
            throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8));
        String head = method + " " + path + " HTTP/1.1\r\nHost: weft.test\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ByteBuffer request = ByteBuffer.allocate(head.length() + body.length);
        request.put(head.getBytes(StandardCharsets.ISO_8859_1)).put(body).flip();
        return HttpTester.parseResponse(connector.getResponse(request));
    }

    /** A new port of alice's, for the operation that deletes one. */
    private static UUID newPort() {
        return fx.nics
                .create(fx.alice, Optional.empty(), NicSpec.on(network))
                .value()
                .id();
    }

    /** The body with the placeholders replaced, byte for byte (ISO-8859-1 maps bytes to chars 1:1). */
    private static byte[] withIds(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1)
                .replace("$NET", network.toString())
                .replace("$SG", group.toString())
                .replace("$HOST", fx.host1.toString())
                .replace("$PORT", port.toString())
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every row of the tables a REST request can write, and where the change log stands. */
    private static String state() {
        return fx.sessions.fromTransaction(session -> {
            // Every write records a change: their count and last id stand for the (growing) change log.
            StringBuilder rows = new StringBuilder(Arrays.toString(
                    session.createNativeQuery("select count(*), max(id) from change_records", Object[].class)
                            .getSingleResult()));
            for (String table : TABLES) {
                for (Object row : session.createNativeQuery("select * from " + table + " order by 1", Object[].class)
                        .getResultList()) {
                    rows.append(table)
                            .append(Arrays.deepToString((Object[]) row))
                            .append('\n');
                }
            }
            return rows.toString();
        });
    }
}
