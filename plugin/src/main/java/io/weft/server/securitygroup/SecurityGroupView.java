package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A security group as the APIs show it, with its rules and the NICs and VMs that use it.
 *
 * @param isDefault whether it is its scope's or account's {@code default} group, which cannot be
 *     deleted or renamed
 */
public record SecurityGroupView(
        UUID id,
        String name,
        Optional<String> description,
        UUID accountId,
        String accountName,
        UUID domainId,
        String domainName,
        Optional<UUID> scopeId,
        EgressPolicy egressPolicy,
        boolean isDefault,
        List<RuleView> ingress,
        List<RuleView> egress,
        List<UUID> nicIds,
        List<UUID> vmIds,
        Instant created) {
    public SecurityGroupView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(domainId, "domainId is null");
        requireNonNull(domainName, "domainName is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(egressPolicy, "egressPolicy is null");
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        nicIds = List.copyOf(nicIds);
        vmIds = List.copyOf(vmIds);
        requireNonNull(created, "created is null");
    }
}
