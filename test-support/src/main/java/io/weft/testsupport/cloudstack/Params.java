package io.weft.testsupport.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command's parameters, one name and value per call, so that a long call reads as a list of
 * pairs: {@code Params.of("name", "web").and("zoneid", zoneId)}. Order is kept: some clients sign
 * in the order they send.
 */
public final class Params {
    private final Map<String, String> pairs = new LinkedHashMap<>();

    private Params() {}

    public static Params none() {
        return new Params();
    }

    public static Params of(String name, String value) {
        return new Params().and(name, value);
    }

    /** From alternating names and values: {@code "name", "web", "zoneid", zoneId}. */
    public static Params pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Params params = new Params();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.and(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    public Params and(String name, String value) {
        pairs.put(requireNonNull(name, "name is null"), requireNonNull(value, "value of " + name + " is null"));
        return this;
    }

    /** Adds {@code more}'s pairs after these. */
    public Params and(Params more) {
        more.pairs.forEach(this::and);
        return this;
    }

    Map<String, String> asMap() {
        return Collections.unmodifiableMap(pairs);
    }
}
