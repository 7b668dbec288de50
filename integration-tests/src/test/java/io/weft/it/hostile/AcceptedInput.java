package io.weft.it.hostile;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * An input that looks hostile but that the API accepts, as CloudStack or AWS accept it: a
 * non-ASCII name, shell or SQL metacharacters where the field allows them. {@code roundTrip} stores
 * the value, reads it back through the API, removes what it made, and returns what was read.
 */
record AcceptedInput(String name, HostileCase.Api api, String value, Function<HostileFixture, String> roundTrip) {
    AcceptedInput {
        requireNonNull(name, "name is null");
        requireNonNull(api, "api is null");
        requireNonNull(value, "value is null");
        requireNonNull(roundTrip, "roundTrip is null");
    }

    @Override
    public String toString() {
        return api + ": " + name;
    }
}
