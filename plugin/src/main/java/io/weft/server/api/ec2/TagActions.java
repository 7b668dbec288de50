package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

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

/** CreateTags, DeleteTags, DescribeTags over Weft's tags; the resource kind comes from the ID prefix. */
final class TagActions implements Ec2Action.Family {
    private static final List<Ec2Kind> TAGGABLE = List.of(
            Ec2Kind.VPC, Ec2Kind.SUBNET, Ec2Kind.GROUP, Ec2Kind.RULE, Ec2Kind.NETWORK_INTERFACE, Ec2Kind.INSTANCE);

    private final TagService tags;
    private final Ec2IdResolver ids;

    @Inject
    TagActions(TagService tags, Ec2IdResolver ids) {
        this.tags = requireNonNull(tags, "tags is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("CreateTags", this::create),
                new Ec2Action("DeleteTags", this::delete),
                new Ec2Action("DescribeTags", this::describe));
    }

    private void create(Ec2Call call, XmlOut out) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Ec2Params tag : call.params().structs("Tag")) {
            wanted.put(tag.required("Key"), tag.string("Value").orElse(""));
        }
        // One transaction for every resource named: one over the tag limit leaves all of them unchanged.
        Map<TaggedType, List<UUID>> byType = new LinkedHashMap<>();
        resources(call)
                .forEach((kind, resources) -> byType.computeIfAbsent(Ec2Tags.taggedType(kind), t -> new ArrayList<>())
                        .addAll(resources));
        tags.create(call.caller(), byType, wanted);
        out.leaf("return", true);
    }

    /** A tag without a value is deleted whatever its value; with one, only while it has that value. */
    private void delete(Ec2Call call, XmlOut out) {
        Map<String, Optional<String>> keys = new LinkedHashMap<>();
        for (Ec2Params tag : call.params().structs("Tag")) {
            keys.put(tag.required("Key"), tag.string("Value"));
        }
        resources(call)
                .forEach((kind, resources) -> tags.delete(call.caller(), Ec2Tags.taggedType(kind), resources, keys));
        out.leaf("return", true);
    }

    private Map<Ec2Kind, List<UUID>> resources(Ec2Call call) {
        Map<Ec2Kind, List<UUID>> byKind = new LinkedHashMap<>();
        for (String resource : call.params().list("ResourceId")) {
            Ec2Kind kind = Ec2Kind.ofId(resource)
                    .filter(TAGGABLE::contains)
                    .orElseThrow(() -> new Ec2Failure("InvalidID", "The ID '" + resource + "' is not valid"));
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(ids.resolve(kind, call.caller(), resource));
        }
        if (byKind.isEmpty()) {
            throw Ec2Failure.missing("ResourceId.1");
        }
        return byKind;
    }

    private void describe(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Filters filters = call.filters();
        List<TagView> matching = new ArrayList<>();
        for (Ec2Kind kind : TAGGABLE) {
            TaggedType type = Ec2Tags.taggedType(kind);
            for (TagView tag : tags.find(caller, type, Optional.empty(), Optional.empty())) {
                if (filters.matches(new Ec2Attributes()
                        .put("key", tag.key())
                        .put("value", tag.value())
                        .put("resource-id", kind.id(tag.resourceId()))
                        .put("resource-type", Ec2Tags.resourceType(kind))
                        .asMap())) {
                    matching.add(tag);
                }
            }
        }
        Ec2Paging.Slice<TagView> page = call.page(matching);
        out.set("tagSet", page.items(), (xml, tag) -> {
            Ec2Kind kind = Ec2Tags.kindOf(tag.resourceType());
            xml.leaf("resourceId", kind.id(tag.resourceId()))
                    .leaf("resourceType", Ec2Tags.resourceType(kind))
                    .leaf("key", tag.key())
                    .leaf("value", tag.value());
        });
        out.leaf("nextToken", page.nextToken());
    }
}
