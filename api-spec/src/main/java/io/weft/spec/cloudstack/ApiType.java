package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/** The value types CloudStack's {@code listApis} reports for parameters and response fields, by their wire names. */
public enum ApiType {
    STRING("string"),
    UUID("uuid"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    LONG("long"),
    SHORT("short"),
    LIST("list"),
    MAP("map"),
    DATE("date"),
    OBJECT("object");

    private final String wireName;

    ApiType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApiType> fromWireName(String wireName) {
        requireNonNull(wireName, "wireName is null");
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst();
    }
}
