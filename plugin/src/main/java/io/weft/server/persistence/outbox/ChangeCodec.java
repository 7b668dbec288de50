package io.weft.server.persistence.outbox;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;

/**
 * The one format of a change record: the {@code kind} column holds {@link ChangeKind#stored()}, the
 * payload {@code {"ids":["<uuid>",...],"tightens":true|false}}. Rows written by older servers stay
 * readable: an unknown kind or a payload of another shape is read as a {@link ChangeKind#FLEET} change.
 */
public final class ChangeCodec {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The payload column, as Jackson writes it: a record's components in their declared order. */
    private record Payload(List<UUID> ids, Boolean tightens) {}

    private ChangeCodec() {}

    public static String payload(Change change) {
        requireNonNull(change, "change is null");
        try {
            return JSON.writeValueAsString(new Payload(change.ids(), change.tightens()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change record payload could not be written", e);
        }
    }

    public static Change read(String kind, String payload) {
        requireNonNull(kind, "kind is null");
        requireNonNull(payload, "payload is null");
        Payload read;
        try {
            read = JSON.readValue(payload, Payload.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Change.unreadable();
        }
        if (read == null || read.ids() == null) {
            return new Change(ChangeKind.fromStored(kind), List.of(), false);
        }
        if (read.ids().contains(null)) {
            return Change.unreadable();
        }
        return new Change(ChangeKind.fromStored(kind), read.ids(), read.tightens() != null && read.tightens());
    }
}
