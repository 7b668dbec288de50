package io.weft.server.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.server.api.cloudstack.InMemoryApiKeyDirectory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link RestHandler} reads a request body, through Jetty's HTTP parser in process: one route
 * that answers the body it was given, so what the handler accepts and refuses shows directly.
 */
class RestHandlerBodyTest {
    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        RestRoute echo = new RestRoute("POST", "/echo", request -> RestResponse.ok(Map.of("body", request.body())));
        server.setHandler(
                new RestHandler(Set.of(echo), new InMemoryApiKeyDirectory().addRootAdmin("key", "secret"), 1024));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void answersAWellFormedBody() throws Exception {
        HttpTester.Response response = post("{\"name\":\"caf\u00e9 \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEqualTo("{\"body\":{\"name\":\"caf\u00e9 \uD83D\uDE00\"}}");
    }

    @Test
    void refusesTextAfterTheDocument() throws Exception {
        assertRefused(post(utf8("{\"a\":1} {\"a\":2}")), "the request body is not valid JSON (line 1, column ");
        assertRefused(post(utf8("{\"a\":1}x")), "the request body is not valid JSON (line 1, column ");
    }

    @Test
    void refusesANameGivenTwice() throws Exception {
        assertRefused(post(utf8("{\"a\":1,\"a\":2}")), "the request body is not valid JSON (line 1, column ");
        assertRefused(post(utf8("{\"o\":{\"a\":1,\"a\":1}}")), "the request body is not valid JSON (line 1, column ");
    }

    @Test
    void refusesBytesThatAreNotUtf8() throws Exception {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(post(latin1), "the request body is not valid UTF-8");
        // A surrogate written out in UTF-8 bytes (CESU-8) is no UTF-8 either.
        byte[] cesu = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertRefused(post(cesu), "the request body is not valid UTF-8");
    }

    @Test
    void refusesAnUnpairedSurrogateEscape() throws Exception {
        assertRefused(post(utf8("{\"name\":\"\\ud800x\"}")), "a value contains an unpaired surrogate");
        assertRefused(post(utf8("{\"\\udc00\":1}")), "a value contains an unpaired surrogate");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private HttpTester.Response post(byte[] body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("key:secret".getBytes(StandardCharsets.UTF_8));
        String head = "POST /api/v1/echo HTTP/1.1\r\nHost: weft.test\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ByteBuffer request = ByteBuffer.allocate(head.length() + body.length);
        request.put(head.getBytes(StandardCharsets.ISO_8859_1)).put(body).flip();
        return HttpTester.parseResponse(connector.getResponse(request));
    }

    private static void assertRefused(HttpTester.Response response, String messageStart) throws Exception {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(response.getContent()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(error.get("message").asText()).startsWith(messageStart);
    }
}
