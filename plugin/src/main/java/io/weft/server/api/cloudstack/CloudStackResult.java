package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a command returns, in the shapes CloudStack's response serializer produces (§1.3). Values
 * are records or maps that Jackson serializes; null fields are omitted, dates are written as
 * {@code 2024-05-01T10:00:00+0000}.
 */
public sealed interface CloudStackResult {

    /** {@code {"<key>": {…}}}, e.g. {@code createsecuritygroupresponse.securitygroup}. */
    static CloudStackResult object(String key, Object value) {
        return new Single(key, value);
    }

    /**
     * {@code {"count": total, "<key>": [...]}}, or {@code {}} when {@code items} is empty.
     *
     * @param total all matches, not only this page
     */
    static CloudStackResult list(String key, List<?> items, long total) {
        return new Listing(key, items, total);
    }

    /**
     * The value's fields directly under the envelope, with no key of their own, as {@code
     * queryAsyncJobResult} answers.
     */
    static CloudStackResult inline(Object value) {
        return new Inline(value);
    }

    /** {@code {"success": true}}. */
    static CloudStackResult success() {
        return Success.INSTANCE;
    }

    record Single(String key, Object value) implements CloudStackResult {
        public Single {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    record Listing(String key, List<?> items, long total) implements CloudStackResult {
        public Listing {
            requireNonNull(key, "key is null");
            items = List.copyOf(requireNonNull(items, "items is null"));
            if (total < items.size()) {
                throw new IllegalArgumentException("total " + total + " is less than the " + items.size() + " items");
            }
        }
    }

    record Inline(Object value) implements CloudStackResult {
        public Inline {
            requireNonNull(value, "value is null");
        }
    }

    enum Success implements CloudStackResult {
        INSTANCE
    }
}
