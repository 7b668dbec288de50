package io.weft.it.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether what was created is there and what was deleted is gone; both hold trivially when there
 * is nothing to look for (AssertJ's {@code containsAll} and {@code doesNotContainAnyElementsOf}
 * refuse an empty list, which a short run may well have).
 */
final class Presence {
    private Presence() {}

    static void allOf(Collection<?> present, Collection<?> created, String what) {
        assertThat(matching(created, present, false)).as(what + " missing").isEmpty();
    }

    static void noneOf(Collection<?> present, Collection<?> deleted, String what) {
        assertThat(matching(deleted, present, true)).as(what + " still present").isEmpty();
    }

    private static Set<String> matching(Collection<?> items, Collection<?> present, boolean wanted) {
        Set<String> found = new TreeSet<>();
        for (Object item : items) {
            if (present.contains(item) == wanted) {
                found.add(String.valueOf(item));
            }
        }
        return found;
    }
}
