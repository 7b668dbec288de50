package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.tags.TagService;
import io.weft.server.tags.TagView;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code createTags}, {@code deleteTags}, {@code listTags}. */
final class TagCommands {
    private TagCommands() {}

    static TaggedType type(Params params) {
        String value = params.required("resourcetype");
        try {
            return TaggedType.fromStoredName(value);
        } catch (RuntimeException e) {
            throw params.invalid("resourcetype", value);
        }
    }

    static List<UUID> resources(Params params) {
        List<UUID> ids = new ArrayList<>();
        for (String id : params.list("resourceids")) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                throw params.invalid("resourceids", id);
            }
        }
        if (ids.isEmpty()) {
            throw params.missing("resourceids");
        }
        return List.copyOf(ids);
    }

    static final class Create extends SyncJob {
        private final TagService tags;

        @Inject
        Create(TagService tags) {
            super("createTags");
            this.tags = requireNonNull(tags, "tags is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            Map<String, String> wanted = new LinkedHashMap<>();
            for (Map<String, String> tag : params.indexed("tags")) {
                String key = tag.get("key");
                if (key == null || key.isEmpty()) {
                    throw params.missing("tags.key");
                }
                wanted.put(key, tag.getOrDefault("value", ""));
            }
            if (wanted.isEmpty()) {
                throw params.missing("tags");
            }
            tags.create(caller, type(params), resources(params), wanted);
            return JobOutcome.untracked(CloudStackResult.success());
        }
    }

    static final class Delete extends SyncJob {
        private final TagService tags;

        @Inject
        Delete(TagService tags) {
            super("deleteTags");
            this.tags = requireNonNull(tags, "tags is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            Map<String, Optional<String>> keys = new LinkedHashMap<>();
            for (Map<String, String> tag : params.indexed("tags")) {
                String key = tag.get("key");
                if (key != null && !key.isEmpty()) {
                    keys.put(key, Optional.ofNullable(tag.get("value")).filter(v -> !v.isEmpty()));
                }
            }
            tags.delete(caller, type(params), resources(params), keys);
            return JobOutcome.untracked(CloudStackResult.success());
        }
    }

    static final class ListCommand extends SyncCommand {
        private final TagService tags;
        private final ApiConfig api;

        @Inject
        ListCommand(TagService tags, ApiConfig api) {
            super("listTags");
            this.tags = requireNonNull(tags, "tags is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            java.util.List<TaggedType> types = params.get("resourcetype").isPresent()
                    ? java.util.List.of(type(params))
                    : java.util.List.of(TaggedType.values());
            Optional<UUID> resource = params.uuid("resourceid");
            java.util.List<TagView> found = new ArrayList<>();
            for (TaggedType type : types) {
                found.addAll(tags.find(caller, type, params.get("key"), params.get("value")));
            }
            return Listing.of(
                    "tag",
                    found,
                    params,
                    api,
                    TagView::resourceId,
                    TagView::key,
                    tag -> resource.map(r -> r.equals(tag.resourceId())).orElse(true),
                    tag -> Tags.response(tag, null));
        }
    }

    /** An async tag command; tags do not reach hosts, so there is no change to follow. */
    abstract static class SyncJob extends JobCommand {
        SyncJob(String name) {
            super(name, "Tag", "none");
        }
    }
}
