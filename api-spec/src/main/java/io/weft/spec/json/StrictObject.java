package io.weft.spec.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.spec.CatalogueException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object read from a catalogue, where every key must be known: a misspelt key in a hand-written
 * catalogue would otherwise silently fall back to a default and the API would lie about itself.
 */
public final class StrictObject {
    private final JsonNode node;
    private final String where;

    private StrictObject(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** Wraps {@code node}, failing unless it is an object whose keys all belong to {@code allowedKeys}. */
    public static StrictObject of(JsonNode node, String where, Set<String> allowedKeys) {
        requireNonNull(node, "node is null");
        requireNonNull(where, "where is null");
        requireNonNull(allowedKeys, "allowedKeys is null");
        if (!node.isObject()) {
            throw new CatalogueException(where + ": expected a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowedKeys.contains(name)) {
                throw new CatalogueException(where + ": unknown key '" + name + "'");
            }
        }
        return new StrictObject(node, where);
    }

    public String where() {
        return where;
    }

    public String requiredText(String key) {
        return optionalText(key).orElseThrow(() -> new CatalogueException(where + ": missing '" + key + "'"));
    }

    public Optional<String> optionalText(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new CatalogueException(where + ": '" + key + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    public boolean booleanOr(String key, boolean fallback) {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new CatalogueException(where + ": '" + key + "' must be true or false");
        }
        return value.booleanValue();
    }

    public Optional<Integer> optionalInt(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isInt()) {
            throw new CatalogueException(where + ": '" + key + "' must be an integer");
        }
        return Optional.of(value.intValue());
    }

    public List<String> textList(String key) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array(key)) {
            if (!item.isTextual()) {
                throw new CatalogueException(where + ": '" + key + "' must hold only strings");
            }
            texts.add(item.textValue());
        }
        return List.copyOf(texts);
    }

    /** The elements of the array under {@code key}; an absent key is an empty array. */
    public List<JsonNode> array(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new CatalogueException(where + ": '" + key + "' must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return List.copyOf(items);
    }

    public JsonNode requiredNode(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new CatalogueException(where + ": missing '" + key + "'");
        }
        return value;
    }
}
