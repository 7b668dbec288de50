package io.weft.spec.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HostMessageCodecTest {
    private final HostMessageCodec codec = new HostMessageCodec();
    private final ObjectMapper json = new ObjectMapper();

    private static List<HostMessage> oneOfEach() {
        Generation g1 = new Generation(1, 1);
        Generation g2 = new Generation(1, 2);
        return List.of(
                new HostUpdate(
                        1,
                        "h1",
                        g2,
                        g1,
                        UpdateKind.DELTA,
                        List.of(new WireEntry("ipset-member", List.of("weft-g-abc", "10.0.0.5"))),
                        List.of("ipset/weft-g-abc/10.0.0.4"),
                        "abc123"),
                new HostAck(1, "h1", g2, "abc123", AckStatus.FAILED, "ipset: set does not exist"),
                new ResyncRequest(1, "h1", g1, "delta base 1/1 is not the applied 1/0"),
                new Heartbeat(
                        1,
                        "h1",
                        g2,
                        "abc123",
                        true,
                        new DataplaneCounters(
                                2, 10, 30, Map.of("weft-g-abc", 3), Map.of("nic1", new PortCounters(1, 2, 3, 4)), 1)),
                new PortStatus(1, "h1", "nic1", PortStatus.State.WIRED, g2));
    }

    @Test
    void everyMessageSurvivesAnEncodeDecodeRoundTrip() {
        for (HostMessage message : oneOfEach()) {
            assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void membershipDeltaIsAFewHundredBytes() {
        HostMessage delta = oneOfEach().get(0);
        assertThat(codec.encodeBytes(delta).length).isLessThan(300);
    }

    @Test
    void encodedMessagesCarryExactlyTheFieldsTheSchemaDescribes() throws IOException {
        JsonNode defs = schema().get("$defs");
        for (HostMessage message : oneOfEach()) {
            JsonNode encoded = json.readTree(codec.encode(message));
            JsonNode definition = defs.get(encoded.get("type").asText());
            assertThat(definition)
                    .as("schema definition for %s", encoded.get("type"))
                    .isNotNull();
            assertThat(fieldNames(encoded)).isEqualTo(fieldNames(definition.get("properties")));
            for (JsonNode required : definition.get("required")) {
                assertThat(encoded.has(required.asText())).isTrue();
            }
        }
    }

    @Test
    void otherSchemaVersionsAreRejected() {
        String v2 = codec.encode(oneOfEach().get(2)).replace("\"schema\":1", "\"schema\":2");
        assertThatThrownBy(() -> codec.decode(v2)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void unknownFieldsAreRejected() {
        String extra = codec.encode(oneOfEach().get(2)).replace("{\"type\"", "{\"surprise\":1,\"type\"");
        assertThatThrownBy(() -> codec.decode(extra)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void deltaMustMoveForwardFromItsBase() {
        Generation g = new Generation(1, 5);
        assertThatThrownBy(() -> new HostUpdate(1, "h", g, g, UpdateKind.DELTA, List.of(), List.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewerEpochOutranksAnyGenerationOfAnOlderOne() {
        assertThat(new Generation(2, 1).isAfter(new Generation(1, 1_000_000))).isTrue();
        assertThat(new Generation(1, 3).isAfter(new Generation(1, 2))).isTrue();
        assertThat(new Generation(1, 2).isAfter(new Generation(1, 2))).isFalse();
    }

    private JsonNode schema() throws IOException {
        try (InputStream in = HostMessage.class.getResourceAsStream("/io/weft/spec/host-messages.schema.json")) {
            return json.readTree(in);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        List<String> list = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            list.add(it.next());
        }
        names.addAll(list);
        return names;
    }
}
