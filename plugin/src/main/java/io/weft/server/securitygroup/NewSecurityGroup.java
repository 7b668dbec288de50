package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * A group to create: CloudStack's (no scope, {@link EgressPolicy#CLOUDSTACK}) or EC2's (in a VPC
 * scope, {@link EgressPolicy#EC2}, which starts with an allow-all egress rule).
 */
public record NewSecurityGroup(
        Optional<UUID> accountId,
        String name,
        Optional<String> description,
        EgressPolicy egressPolicy,
        Optional<UUID> scopeId) {
    public NewSecurityGroup {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(egressPolicy, "egressPolicy is null");
        requireNonNull(scopeId, "scopeId is null");
    }

    public static NewSecurityGroup cloudStack(String name) {
        return new NewSecurityGroup(
                Optional.empty(), name, Optional.empty(), EgressPolicy.CLOUDSTACK, Optional.empty());
    }

    public static NewSecurityGroup ec2(String name, String description, UUID scopeId) {
        return new NewSecurityGroup(
                Optional.empty(), name, Optional.of(description), EgressPolicy.EC2, Optional.of(scopeId));
    }

    public NewSecurityGroup forAccount(UUID account) {
        return new NewSecurityGroup(Optional.of(account), name, description, egressPolicy, scopeId);
    }
}
