package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a change record names: the kind of entity ({@code network}, {@code nic}, {@code group},
 * {@code host}) and the ids whose current version the dispatcher must load, and whether the change
 * can only take access away. Any other kind makes the dispatcher reload the whole fleet, which is
 * always correct, only slower.
 */
public record ChangeRecordPayload(String kind, List<UUID> ids, boolean tightens) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChangeRecordPayload {
        requireNonNull(kind, "kind is null");
        ids = List.copyOf(requireNonNull(ids, "ids is null"));
    }

    public static ChangeRecordPayload parse(String kind, String payload) {
        List<UUID> ids = new ArrayList<>();
        boolean tightens = false;
        try {
            JsonNode json = JSON.readTree(payload);
            if (json != null && json.has("ids")) {
                for (JsonNode id : json.get("ids")) {
                    ids.add(UUID.fromString(id.asText()));
                }
                tightens = json.path("tightens").asBoolean(false);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new ChangeRecordPayload("unreadable", List.of(), true);
        }
        return new ChangeRecordPayload(kind, ids, tightens);
    }

    public boolean isEntityChange() {
        return switch (kind) {
            case "network", "nic", "group", "host" -> true;
            default -> false;
        };
    }
}
