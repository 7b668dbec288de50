package io.weft.server.tags;

import io.weft.server.error.WeftException;
import java.util.Locale;

/**
 * The kinds of resource that carry tags, with the resource type stored in {@code resource_tags}
 * (CloudStack's names; the EC2 edge maps {@code vpc}, {@code subnet}, ... onto these).
 */
public enum TaggedType {
    NETWORK("Network"),
    SCOPE("Vpc"),
    SECURITY_GROUP("SecurityGroup"),
    NIC("Nic"),
    VM("UserVm"),
    SECURITY_GROUP_RULE("SecurityGroupRule");

    private final String storedName;

    TaggedType(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }

    /** Accepts the stored name in any case (CloudStack's {@code resourcetype}). */
    public static TaggedType fromStoredName(String name) {
        for (TaggedType type : values()) {
            if (type.storedName.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw WeftException.invalid("unknown resource type " + name);
    }
}
