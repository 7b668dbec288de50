package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.Params;
import java.util.Optional;
import java.util.function.Function;

/** Reads a CloudStack enum spelling, answering 431 for one the parser does not know. */
final class Enums {
    private Enums() {}

    static <E> Optional<E> parse(Params params, String name, Function<String, E> parser) {
        return params.get(name).map(value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw params.invalid(name, value);
            }
        });
    }

    static <E> E required(Params params, String name, Function<String, E> parser) {
        params.required(name);
        return parse(params, name, parser).orElseThrow();
    }
}
