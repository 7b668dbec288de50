package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

/** The other end of a rule: a CIDR, or the addresses of another security group's members. */
public sealed interface RemoteSide {
    record RemoteCidr(Cidr cidr) implements RemoteSide {
        public RemoteCidr {
            requireNonNull(cidr, "cidr is null");
        }
    }

    record RemoteGroup(String groupId) implements RemoteSide {
        public RemoteGroup {
            requireNonNull(groupId, "groupId is null");
            if (groupId.isBlank()) {
                throw new InvalidRuleException("remote group id is blank");
            }
        }
    }

    static RemoteSide cidr(String cidr) {
        return new RemoteCidr(Cidr.parse(cidr));
    }

    static RemoteSide group(String groupId) {
        return new RemoteGroup(groupId);
    }
}
