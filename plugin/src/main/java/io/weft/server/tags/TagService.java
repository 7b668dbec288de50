package io.weft.server.tags;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.service.TextFields;
import io.weft.server.service.Transactions;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Key/value tags on networks, scopes, security groups and their rules, NICs and VMs. Whoever may see a resource may
 * tag it; tags belong to the resource's owner. Tags never reach the dataplane, so they write no change
 * record.
 */
public final class TagService {
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 255;
    /** EC2's limit of user tags on one resource, counting those it already has. */
    public static final int MAX_TAGS_PER_RESOURCE = 50;

    private final SessionFactory sessions;
    private final Ownership ownership;
    private final Map<TaggedType, Taggable<?>> taggables;
    private final Clock clock;

    /** @param taggables how to find each type's resources, as their features contribute them */
    @Inject
    public TagService(
            SessionFactory sessions, Ownership ownership, Map<TaggedType, Taggable<?>> taggables, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.taggables = Map.copyOf(requireNonNull(taggables, "taggables is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Sets the tags on every resource; an existing key gets the new value (as EC2's CreateTags). All
     * or nothing: LIMIT_EXCEEDED when a resource would carry more than {@value #MAX_TAGS_PER_RESOURCE}
     * tags, and then no resource changes.
     */
    public List<TagView> create(Caller caller, TaggedType type, Collection<UUID> resources, Map<String, String> tags) {
        return create(caller, Map.of(type, resources), tags).get(type);
    }

    /** As {@link #create(Caller, TaggedType, Collection, Map)}, for resources of several types in one transaction. */
    public Map<TaggedType, List<TagView>> create(
            Caller caller, Map<TaggedType, ? extends Collection<UUID>> resourcesByType, Map<String, String> tags) {
        if (resourcesByType.values().stream().allMatch(Collection::isEmpty) || tags.isEmpty()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "tags need at least one resource and one key");
        }
        tags.forEach(TagService::check);
        requireWithinLimit(tags.size(), tags.size());
        return Transactions.write(sessions, session -> {
            // Every resource is checked before any is written, so that a refusal changes nothing.
            Map<TaggedType, Map<UUID, Account>> owners = new LinkedHashMap<>();
            resourcesByType.forEach((type, resources) -> {
                for (UUID resource : resources) {
                    owners.computeIfAbsent(type, t -> new LinkedHashMap<>())
                            .put(resource, ownerOf(session, caller, type, resource));
                    Set<String> keys = new HashSet<>(tags.keySet());
                    tagsOf(session, type, List.of(resource)).forEach(tag -> keys.add(tag.getKey()));
                    requireWithinLimit(keys.size(), tags.size());
                }
            });
            Map<TaggedType, List<TagView>> written = new LinkedHashMap<>();
            owners.forEach((type, ownerByResource) -> {
                ownerByResource.forEach((resource, owner) -> tags.forEach((key, value) -> {
                    Optional<ResourceTag> existing = find(session, type, resource, key);
                    if (existing.isPresent()) {
                        existing.get().setValue(value);
                    } else {
                        session.persist(new ResourceTag(
                                UUID.randomUUID(), owner, type.storedName(), resource, key, value, clock.instant()));
                    }
                }));
                session.flush();
                written.put(type, list(session, type, ownerByResource.keySet()));
            });
            return written;
        });
    }

    /**
     * Deletes tags by key from every resource; a key mapped to a present value is only deleted while
     * the tag has that value (as EC2's DeleteTags).
     */
    public void delete(Caller caller, TaggedType type, Collection<UUID> resources, Map<String, Optional<String>> keys) {
        Transactions.write(sessions, session -> {
            for (UUID resource : resources) {
                ownerOf(session, caller, type, resource);
                List<ResourceTag> tags = tagsOf(session, type, List.of(resource));
                for (ResourceTag tag : tags) {
                    boolean named = keys.isEmpty() || keys.containsKey(tag.getKey());
                    boolean valueMatches = keys.getOrDefault(tag.getKey(), Optional.empty())
                            .map(value -> value.equals(tag.getValue()))
                            .orElse(true);
                    if (named && valueMatches) {
                        session.remove(tag);
                    }
                }
            }
            return resources.size();
        });
    }

    private static void requireWithinLimit(int tagsAfter, int asked) {
        if (tagsAfter > MAX_TAGS_PER_RESOURCE) {
            throw new WeftException(
                    ErrorCode.LIMIT_EXCEEDED,
                    "The maximum number of tags per resource is " + MAX_TAGS_PER_RESOURCE + "; with the " + asked
                            + " asked for, a resource would have " + tagsAfter);
        }
    }

    /** The tags on the given resources the caller may see, for API responses and filters. */
    public List<TagView> list(Caller caller, TaggedType type, Collection<UUID> resources) {
        return sessions.fromTransaction(session -> tagsOf(session, type, resources).stream()
                .filter(tag -> ownership.canSee(caller, tag.getAccount()))
                .map(TagService::view)
                .toList());
    }

    /** Every tag of one type the caller may see, optionally with this key (and value). */
    public List<TagView> find(Caller caller, TaggedType type, Optional<String> key, Optional<String> value) {
        return sessions.fromTransaction(session -> {
            var query = session.createSelectionQuery(
                    "from ResourceTag t join fetch t.account a join fetch a.domain where t.resourceType = :type"
                            + key.map(k -> " and t.key = :key").orElse("")
                            + value.map(v -> " and t.value = :value").orElse("")
                            + " order by t.resourceUuid, t.key",
                    ResourceTag.class);
            query.setParameter("type", type.storedName());
            key.ifPresent(k -> query.setParameter("key", k));
            value.ifPresent(v -> query.setParameter("value", v));
            return query.getResultList().stream()
                    .filter(tag -> ownership.canSee(caller, tag.getAccount()))
                    .map(TagService::view)
                    .toList();
        });
    }

    private List<TagView> list(Session session, TaggedType type, Collection<UUID> resources) {
        return tagsOf(session, type, resources).stream().map(TagService::view).toList();
    }

    private static List<ResourceTag> tagsOf(Session session, TaggedType type, Collection<UUID> resources) {
        if (resources.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery(
                        "from ResourceTag t join fetch t.account where t.resourceType = :type"
                                + " and t.resourceUuid in :resources order by t.resourceUuid, t.key",
                        ResourceTag.class)
                .setParameter("type", type.storedName())
                .setParameter("resources", List.copyOf(resources))
                .getResultList();
    }

    private static Optional<ResourceTag> find(Session session, TaggedType type, UUID resource, String key) {
        return session.createSelectionQuery(
                        "from ResourceTag where resourceType = :type and resourceUuid = :resource and key = :key",
                        ResourceTag.class)
                .setParameter("type", type.storedName())
                .setParameter("resource", resource)
                .setParameter("key", key)
                .uniqueResultOptional();
    }

    /** The owner of the resource, which the caller must be able to see (NOT_FOUND otherwise). */
    private Account ownerOf(Session session, Caller caller, TaggedType type, UUID id) {
        Taggable<?> taggable = taggables.get(type);
        if (taggable == null) {
            throw WeftException.invalid("resources of type " + type.storedName() + " cannot be tagged on this server");
        }
        return ownerOf(session, caller, taggable, id);
    }

    private <T> Account ownerOf(Session session, Caller caller, Taggable<T> taggable, UUID id) {
        return taggable.account()
                .apply(ownership.visible(session, caller, taggable.entity(), id, taggable.account(), taggable.noun()));
    }

    private static final String RESERVED_PREFIX = "aws:";

    private static void check(String key, String value) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw WeftException.invalid("a tag key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            throw WeftException.invalid("a tag value must have at most " + MAX_VALUE_LENGTH + " characters");
        }
        // Tags are one set across both APIs, so EC2's reserved prefix is reserved in CloudStack too.
        if (key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
            throw WeftException.invalid("Tag keys starting with 'aws:' are reserved for internal use");
        }
        TextFields.checked("a tag key", key, MAX_KEY_LENGTH);
        TextFields.checked("a tag value", value, MAX_VALUE_LENGTH);
    }

    private static TagView view(ResourceTag tag) {
        return new TagView(
                TaggedType.fromStoredName(tag.getResourceType()),
                tag.getResourceUuid(),
                tag.getKey(),
                tag.getValue(),
                tag.getAccount().getUuid());
    }
}
