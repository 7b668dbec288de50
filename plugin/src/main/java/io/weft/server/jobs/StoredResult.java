package io.weft.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What the {@code async_jobs.result} column holds: the {@code jobresult} and the change the job
 * committed. The change id lives beside the result, not in it, because jclouds types a {@code
 * jobresult} by its single key and an extra key would break it.
 */
record StoredResult(ObjectNode jobResult, Optional<Long> changeId) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    StoredResult {
        requireNonNull(jobResult, "jobResult is null");
        requireNonNull(changeId, "changeId is null");
    }

    String toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("jobresult", jobResult);
        changeId.ifPresent(id -> node.put("changeid", id));
        return node.toString();
    }

    static StoredResult parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            JsonNode changeId = node.path("changeid");
            return new StoredResult(
                    (ObjectNode) node.get("jobresult"),
                    changeId.isNumber() ? Optional.of(changeId.asLong()) : Optional.empty());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("unreadable async job result: " + json, e);
        }
    }
}
