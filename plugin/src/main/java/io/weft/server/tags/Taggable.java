package io.weft.server.tags;

import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.Account;
import java.util.function.Function;

/**
 * How the tags feature finds a tagged resource and its owner, contributed by the feature that owns
 * the resource ({@link TagsModule#contribute}), so that tags name no feature above them.
 *
 * @param entity the resource's entity class, looked up by uuid
 * @param account the account that owns a resource (and so its tags)
 * @param noun what a NOT_FOUND calls the resource, e.g. {@code "network interface"}
 */
public record Taggable<T>(Class<T> entity, Function<T, Account> account, String noun) {
    public Taggable {
        requireNonNull(entity, "entity is null");
        requireNonNull(account, "account is null");
        requireNonNull(noun, "noun is null");
    }
}
