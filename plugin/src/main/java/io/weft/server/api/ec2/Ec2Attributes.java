package io.weft.server.api.ec2;

import io.weft.server.tags.TagView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the filter attributes of one resource: name → values, tags included. */
final class Ec2Attributes {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Ec2Attributes put(String name, String value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    Ec2Attributes put(String name, Optional<String> value) {
        value.ifPresent(present -> put(name, present));
        return this;
    }

    Ec2Attributes putAll(String name, List<String> more) {
        more.forEach(value -> put(name, value));
        return this;
    }

    /** {@code tag:<key>} → value, {@code tag-key} → keys, {@code tag-value} → values. */
    Ec2Attributes tags(List<TagView> tags) {
        for (TagView tag : tags) {
            put("tag:" + tag.key(), tag.value());
            put("tag-key", tag.key());
            put("tag-value", tag.value());
        }
        return this;
    }

    /** Lets another part of the resource add its own attributes. */
    Ec2Attributes with(Consumer<Ec2Attributes> more) {
        more.accept(this);
        return this;
    }

    Map<String, List<String>> asMap() {
        return values;
    }
}
