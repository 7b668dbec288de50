package io.weft.server.service;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a mutating service call returns: its result and the ids of the change records it wrote in
 * the same transaction, so that an API edge can wait until those are applied ("apply and wait").
 * Empty when nothing the dataplane sees changed.
 */
public record Mutation<T>(T value, List<Long> changeIds) {
    public Mutation {
        requireNonNull(value, "value is null");
        changeIds = List.copyOf(requireNonNull(changeIds, "changeIds is null"));
    }

    @SafeVarargs
    public static <T> Mutation<T> of(T value, List<Long>... changeIds) {
        List<Long> all = new ArrayList<>();
        for (List<Long> ids : changeIds) {
            all.addAll(ids);
        }
        return new Mutation<>(value, all);
    }

    /** The newest change record: once it is applied, every earlier one is too. */
    public Optional<Long> lastChangeId() {
        return changeIds.stream().max(Long::compare);
    }
}
