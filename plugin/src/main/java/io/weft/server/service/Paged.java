package io.weft.server.service;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One page of a list, and how many items the whole list has (CloudStack's {@code count}). */
public record Paged<T>(List<T> items, long total) {
    public Paged {
        items = List.copyOf(requireNonNull(items, "items is null"));
    }
}
