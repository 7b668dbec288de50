package io.weft.spec.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the host message decoder, which reads whatever arrives on the broker
 * queues. Its contract: a message of our schema, or a {@link MalformedMessageException} (which the
 * inbox counts and drops); any other exception would stop the consumer. A message it accepts
 * encodes and decodes back to itself.
 *
 * <p>A plain build replays {@code HostMessageCodecFuzzTestInputs/decode/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/reliability.md, "Fuzzing").
 */
class HostMessageCodecFuzzTest {
    private final HostMessageCodec codec = new HostMessageCodec();

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        HostMessage message;
        try {
            message = codec.decode(json);
        } catch (MalformedMessageException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(message).isNotNull();
        assertThat(message.schema()).isEqualTo(HostMessage.SCHEMA_VERSION);
        String encoded = codec.encode(message);
        assertThat(codec.decode(encoded)).isEqualTo(message);
        assertThat(codec.encode(codec.decode(encoded))).isEqualTo(encoded);
    }
}
