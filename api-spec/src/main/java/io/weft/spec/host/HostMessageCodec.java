package io.weft.spec.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON encoding of {@link HostMessage}s; rejects unknown fields and other schema versions. */
public final class HostMessageCodec {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public String encode(HostMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public byte[] encodeBytes(HostMessage message) {
        return encode(message).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes one message; throws {@link MalformedMessageException} for anything not of our schema. */
    public HostMessage decode(String json) {
        HostMessage message;
        try {
            message = mapper.readValue(json, HostMessage.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedMessageException("not a host message: " + e.getMessage(), e);
        }
        if (message == null) {
            // The JSON literal null reads as no message at all.
            throw new MalformedMessageException("not a host message: null");
        }
        if (message.schema() != HostMessage.SCHEMA_VERSION) {
            throw new MalformedMessageException(
                    "schema version " + message.schema() + " is not " + HostMessage.SCHEMA_VERSION);
        }
        return message;
    }
}
