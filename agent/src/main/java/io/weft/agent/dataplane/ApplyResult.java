package io.weft.agent.dataplane;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** What one apply did: how many tool invocations wrote, and which NICs wait for their tap. */
public record ApplyResult(long writes, Set<String> pendingNics) {
    public ApplyResult {
        requireNonNull(pendingNics, "pendingNics is null");
        pendingNics = Set.copyOf(pendingNics);
    }
}
