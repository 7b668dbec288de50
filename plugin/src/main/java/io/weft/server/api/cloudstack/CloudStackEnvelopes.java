package io.weft.server.api.cloudstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds CloudStack's response trees (API-COMPAT §1.3, §1.4): one top-level key {@code
 * <command>response}, null fields omitted, dates as {@code 2024-05-01T10:00:00+0000}. The same tree
 * is written as JSON or XML.
 */
public final class CloudStackEnvelopes {
    /** The envelope name CloudStack uses when there is no command to name it after. */
    public static final String ERROR_RESPONSE = "errorresponse";

    /**
     * The CloudStack release whose API this one follows; reported by {@code listCapabilities} and
     * in XML replies. Clients use it to pick request shapes, so it names a real release.
     */
    public static final String CLOUDSTACK_VERSION = "4.19.0.0";

    static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("cloudstack-dates")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer()))
            .build();

    private CloudStackEnvelopes() {}

    /** The mapper for CloudStack response values; thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code listZones} → {@code listzonesresponse}. */
    public static String envelopeName(String command) {
        return command.toLowerCase(Locale.ROOT) + "response";
    }

    /** The content under the envelope key; also what an async job keeps as its {@code jobresult}. */
    public static ObjectNode body(CloudStackResult result) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (result instanceof CloudStackResult.Single single) {
            body.set(single.key(), MAPPER.valueToTree(single.value()));
        } else if (result instanceof CloudStackResult.Listing listing) {
            if (!listing.items().isEmpty()) {
                body.put("count", listing.total());
                body.set(listing.key(), MAPPER.valueToTree(listing.items()));
            }
        } else if (result instanceof CloudStackResult.Inline inline) {
            body.setAll((ObjectNode) MAPPER.valueToTree(inline.value()));
        } else {
            body.put("success", true);
        }
        return body;
    }

    /** {@code {"uuidList":[],"errorcode":…,"cserrorcode":…,"errortext":…}}; also a failed job's result. */
    public static ObjectNode errorBody(CloudStackError error, String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("uuidList");
        body.put("errorcode", error.errorCode());
        body.put("cserrorcode", error.csErrorCode());
        body.put("errortext", text);
        return body;
    }

    /** {@code {"jobid": …}}, or {@code {"id": …, "jobid": …}} for async create commands. */
    public static ObjectNode jobBody(Optional<String> entityId, String jobId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        entityId.ifPresent(id -> body.put("id", id));
        body.put("jobid", jobId);
        return body;
    }

    public static ObjectNode wrap(String envelopeName, JsonNode body) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set(envelopeName, body);
        return envelope;
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(DATE_FORMAT.format(value.atOffset(ZoneOffset.UTC)));
        }
    }

    private static final class OffsetDateTimeSerializer extends StdSerializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        OffsetDateTimeSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(DATE_FORMAT.format(value));
        }
    }
}
