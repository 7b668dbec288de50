package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.tags.TagService;
import io.weft.server.tags.TagView;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tags at the EC2 edge: the {@code tagSet} of a resource, the tags of many resources at once for
 * filters, and {@code TagSpecification.N} on create calls. EC2 resource types map onto Weft's tagged
 * types: vpc → scope, subnet → network, security-group, security-group-rule, network-interface → NIC,
 * instance → VM.
 */
final class Ec2Tags {
    private final TagService tags;

    @Inject
    Ec2Tags(TagService tags) {
        this.tags = requireNonNull(tags, "tags is null");
    }

    static TaggedType taggedType(Ec2Kind kind) {
        return switch (kind) {
            case VPC -> TaggedType.SCOPE;
            case SUBNET -> TaggedType.NETWORK;
            case GROUP -> TaggedType.SECURITY_GROUP;
            case NETWORK_INTERFACE -> TaggedType.NIC;
            case INSTANCE -> TaggedType.VM;
            case RULE -> TaggedType.SECURITY_GROUP_RULE;
        };
    }

    /** EC2's {@code resourceType} name of a kind. */
    static String resourceType(Ec2Kind kind) {
        return switch (kind) {
            case VPC -> "vpc";
            case SUBNET -> "subnet";
            case GROUP -> "security-group";
            case NETWORK_INTERFACE -> "network-interface";
            case INSTANCE -> "instance";
            case RULE -> "security-group-rule";
        };
    }

    static Ec2Kind kindOf(TaggedType type) {
        return switch (type) {
            case SCOPE -> Ec2Kind.VPC;
            case NETWORK -> Ec2Kind.SUBNET;
            case SECURITY_GROUP -> Ec2Kind.GROUP;
            case NIC -> Ec2Kind.NETWORK_INTERFACE;
            case VM -> Ec2Kind.INSTANCE;
            case SECURITY_GROUP_RULE -> Ec2Kind.RULE;
        };
    }

    /** The tags of each resource, empty lists included. */
    Map<UUID, List<TagView>> of(Caller caller, Ec2Kind kind, Collection<UUID> resources) {
        Map<UUID, List<TagView>> byResource = new LinkedHashMap<>();
        resources.forEach(id -> byResource.put(id, List.of()));
        if (resources.isEmpty()) {
            return byResource;
        }
        byResource.putAll(tags.list(caller, taggedType(kind), resources).stream()
                .collect(Collectors.groupingBy(TagView::resourceId, LinkedHashMap::new, Collectors.toList())));
        return byResource;
    }

    /**
     * Applies the call's {@code TagSpecification.N} for {@code kind} to a resource just created. EC2
     * does this in the create call; here it is a second service call right after it.
     */
    List<TagView> applySpecifications(Ec2Call call, Ec2Kind kind, UUID resource) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Ec2Params spec : call.params().structs("TagSpecification")) {
            String type = spec.string("ResourceType").orElse(resourceType(kind));
            if (!type.equals(resourceType(kind))) {
                throw Ec2Failure.invalidValue(
                        "'" + type + "' is not a valid taggable resource type for this operation.");
            }
            for (Ec2Params tag : spec.structs("Tag")) {
                wanted.put(tag.required("Key"), tag.string("Value").orElse(""));
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        return tags.create(call.caller(), taggedType(kind), List.of(resource), wanted);
    }

    /** The Name tag a create call asks for, used as the Weft name where one is required. */
    static Optional<String> requestedName(Ec2Call call) {
        for (Ec2Params spec : call.params().structs("TagSpecification")) {
            for (Ec2Params tag : spec.structs("Tag")) {
                if (tag.string("Key").filter("Name"::equals).isPresent()) {
                    return tag.string("Value").filter(value -> !value.isBlank());
                }
            }
        }
        return Optional.empty();
    }

    static void write(XmlOut out, List<TagView> tags) {
        out.set("tagSet", tags, (xml, tag) -> xml.leaf("key", tag.key()).leaf("value", tag.value()));
    }
}
