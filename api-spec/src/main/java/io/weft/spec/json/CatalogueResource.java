package io.weft.spec.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.spec.CatalogueException;
import java.io.IOException;
import java.io.InputStream;

/** Reads a catalogue shipped as a class-path resource next to the class that owns it. */
public final class CatalogueResource {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogueResource() {}

    public static JsonNode read(Class<?> owner, String resourceName) {
        requireNonNull(owner, "owner is null");
        requireNonNull(resourceName, "resourceName is null");
        try (InputStream in = owner.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new CatalogueException("catalogue resource " + resourceName + " is not on the class path");
            }
            return parse(in, resourceName);
        } catch (IOException e) {
            throw new CatalogueException("cannot read catalogue resource " + resourceName, e);
        }
    }

    public static JsonNode parse(InputStream in, String where) {
        requireNonNull(in, "in is null");
        try {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new CatalogueException(where + ": not valid JSON: " + e.getMessage(), e);
        }
    }
}
