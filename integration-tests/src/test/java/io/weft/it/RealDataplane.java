package io.weft.it;

import io.weft.lab.infra.DataplanePrerequisites;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The JUnit side of {@link DataplanePrerequisites}: without root or the tools a real-dataplane test
 * is skipped; with {@code WEFT_REQUIRE_DATAPLANE=1} (set by CI) a missing prerequisite is a failure
 * instead, so that a green build cannot silently hide skipped dataplane proof.
 */
public final class RealDataplane {
    private RealDataplane() {}

    /** Call first in every real-dataplane test: skips, or fails when the dataplane is required. */
    public static void requireOrSkip() {
        Optional<String> unavailable = DataplanePrerequisites.unavailable();
        if (unavailable.isEmpty()) {
            return;
        }
        if (DataplanePrerequisites.required()) {
            throw new IllegalStateException(unavailable.get() + " (" + DataplanePrerequisites.REQUIRE_VARIABLE + "=1)");
        }
        Assumptions.abort(unavailable.get());
    }
}
