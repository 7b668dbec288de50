package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * A rule as the APIs show it; {@code id} is the public rule id (CloudStack {@code ruleid}, EC2
 * {@code securityGroupRuleId}). Absent ports mean all ports, absent ICMP type any type.
 */
public record RuleView(
        UUID id,
        UUID groupId,
        RuleDirection direction,
        EtherType etherType,
        String protocol,
        Optional<Integer> startPort,
        Optional<Integer> endPort,
        Optional<Integer> icmpType,
        Optional<Integer> icmpCode,
        Optional<String> remoteCidr,
        Optional<RemoteGroupView> remoteGroup,
        Optional<String> description) {
    public RuleView {
        requireNonNull(id, "id is null");
        requireNonNull(groupId, "groupId is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(etherType, "etherType is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(startPort, "startPort is null");
        requireNonNull(endPort, "endPort is null");
        requireNonNull(icmpType, "icmpType is null");
        requireNonNull(icmpCode, "icmpCode is null");
        requireNonNull(remoteCidr, "remoteCidr is null");
        requireNonNull(remoteGroup, "remoteGroup is null");
        requireNonNull(description, "description is null");
    }

    /** The group a rule names, with what CloudStack (account + name) and EC2 (id, owner, VPC) show. */
    public record RemoteGroupView(UUID id, String name, UUID accountId, String accountName, Optional<UUID> scopeId) {
        public RemoteGroupView {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(accountId, "accountId is null");
            requireNonNull(accountName, "accountName is null");
            requireNonNull(scopeId, "scopeId is null");
        }
    }
}
