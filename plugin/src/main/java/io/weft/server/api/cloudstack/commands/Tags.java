package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.Params;
import io.weft.server.tags.TagService;
import io.weft.server.tags.TagView;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The {@code tags[n].key/value} filter of list commands and the {@code tags} array of objects. */
final class Tags {
    private final TagService tags;

    @Inject
    Tags(TagService tags) {
        this.tags = requireNonNull(tags, "tags is null");
    }

    record TagResponse(
            String key, String value, String resourceid, String resourcetype, String account, String domainid) {}

    /**
     * The ids carrying every tag of the filter; empty when the request has no tag filter. An empty
     * set inside means nothing matches.
     */
    Optional<Set<UUID>> filter(Caller caller, TaggedType type, Params params) {
        List<Map<String, String>> wanted = params.indexed("tags");
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> matching = null;
        for (Map<String, String> tag : wanted) {
            Set<UUID> ids = tags
                    .find(caller, type, Optional.ofNullable(tag.get("key")), Optional.ofNullable(tag.get("value")))
                    .stream()
                    .map(TagView::resourceId)
                    .collect(Collectors.toSet());
            if (matching == null) {
                matching = new HashSet<>(ids);
            } else {
                matching.retainAll(ids);
            }
        }
        return Optional.of(matching);
    }

    /** Tags per resource, for rendering a page of objects with one query. */
    Map<UUID, List<TagResponse>> of(Caller caller, TaggedType type, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tags.list(caller, type, ids).stream()
                .collect(Collectors.groupingBy(
                        TagView::resourceId, Collectors.mapping(tag -> response(tag, null), Collectors.toList())));
    }

    static TagResponse response(TagView tag, String accountName) {
        return new TagResponse(
                tag.key(),
                tag.value(),
                tag.resourceId().toString(),
                tag.resourceType().storedName(),
                accountName,
                null);
    }
}
