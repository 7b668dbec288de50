package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkScope;
import io.weft.server.persistence.ChangeLog;
import io.weft.server.service.ChangeRecords;
import io.weft.server.service.Mutation;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import io.weft.server.service.TextFields;
import io.weft.server.service.Transactions;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.tenancy.Visibility;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Security groups and their rules. Every call runs in one transaction, authorizes the caller against
 * the group's owner, and writes a {@code group} change record with the change; a call that fails
 * changes nothing. Ingress is default-deny under both APIs; egress follows the group's policy.
 */
public final class SecurityGroupService {
    private static final int MAX_NAME_LENGTH = 255;

    private final SessionFactory sessions;
    private final SecurityGroupStore store;
    private final Ownership ownership;
    private final GroupResolver groups;
    private final DefaultGroups defaults;
    private final NetworkLimits limits;
    private final ChangeLog changes;
    private final Clock clock;

    @Inject
    public SecurityGroupService(
            SessionFactory sessions,
            SecurityGroupStore store,
            Ownership ownership,
            GroupResolver groups,
            DefaultGroups defaults,
            NetworkLimits limits,
            ChangeLog changes,
            Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.defaults = requireNonNull(defaults, "defaults is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    // Groups --------------------------------------------------------------------------------------

    /**
     * Creates a group. The name {@code default} is reserved; names are unique per account and scope
     * (DUPLICATE). An EC2-policy group starts with an allow-all IPv4 egress rule.
     */
    public Mutation<SecurityGroupView> create(Caller caller, NewSecurityGroup request) {
        String name = checkName(request.name());
        return Transactions.write(sessions, session -> {
            Account owner = ownership.ownerFor(session, caller, request.accountId());
            NetworkScope scope = request.scopeId()
                    .map(id ->
                            ownership.visible(session, caller, NetworkScope.class, id, NetworkScope::getAccount, "VPC"))
                    .orElse(null);
            if (scope != null && !scope.getAccount().equals(owner)) {
                throw WeftException.invalid("VPC " + scope.getUuid() + " belongs to another account");
            }
            requireNameFree(session, owner, scope, name);
            Instant now = clock.instant();
            SecurityGroupEntity group =
                    new SecurityGroupEntity(UUID.randomUUID(), owner, scope, name, request.egressPolicy(), now);
            group.setDescription(TextFields.description("a group description", request.description())
                    .orElse(null));
            store.persist(session, group);
            if (request.egressPolicy() == EgressPolicy.EC2) {
                store.persist(session, DefaultGroups.allowAllEgress(group, now));
            }
            return Mutation.of(
                    GroupViews.view(session, store, group),
                    ChangeRecords.groups(changes, session, List.of(group.getUuid()), false));
        });
    }

    public Paged<SecurityGroupView> list(Caller caller, GroupQuery query, Page page) {
        return sessions.fromTransaction(session -> {
            Paged<SecurityGroupEntity> found = store.list(session, Visibility.of(caller), query, page);
            return new Paged<>(
                    found.items().stream()
                            .map(group -> GroupViews.view(session, store, group))
                            .toList(),
                    found.total());
        });
    }

    public SecurityGroupView get(Caller caller, UUID id) {
        return sessions.fromTransaction(session -> GroupViews.view(session, store, groups.byId(session, caller, id)));
    }

    /** A group by name, of the caller's account or {@code accountId}, unscoped or in {@code scopeId}. */
    public SecurityGroupView getByName(Caller caller, Optional<UUID> accountId, Optional<UUID> scopeId, String name) {
        return sessions.fromTransaction(session -> {
            Account owner = visibleAccount(session, caller, accountId);
            NetworkScope scope = scopeId.map(id ->
                            ownership.visible(session, caller, NetworkScope.class, id, NetworkScope::getAccount, "VPC"))
                    .orElse(null);
            SecurityGroupEntity group = groups.resolve(session, caller, owner, scope, GroupRef.name(name));
            return GroupViews.view(session, store, group);
        });
    }

    /** Renames a group or changes its description; default groups keep their name. */
    public Mutation<SecurityGroupView> update(
            Caller caller, UUID id, Optional<String> name, Optional<String> description) {
        Optional<String> newName = name.map(SecurityGroupService::checkName);
        return Transactions.write(sessions, session -> {
            SecurityGroupEntity group = groups.byId(session, caller, id);
            if (newName.isPresent() && !newName.get().equals(group.getName())) {
                if (DefaultGroups.isDefault(group)) {
                    throw WeftException.invalid("the default security group cannot be renamed");
                }
                requireNameFree(session, group.getAccount(), group.getScope(), newName.get());
                group.setName(newName.get());
            }
            TextFields.description("a group description", description).ifPresent(group::setDescription);
            session.flush();
            return Mutation.of(
                    GroupViews.view(session, store, group),
                    ChangeRecords.groups(changes, session, List.of(group.getUuid()), false));
        });
    }

    /**
     * Deletes a group. Refused with IN_USE while a NIC is in it or another group's rule names it (the
     * message says which), and for a default group (INVALID_PARAMETER, EC2's CannotDelete).
     */
    public Mutation<UUID> delete(Caller caller, UUID id) {
        return Transactions.write(sessions, session -> {
            SecurityGroupEntity group = groups.byId(session, caller, id);
            if (DefaultGroups.isDefault(group)) {
                throw WeftException.invalid("the default security group " + id + " cannot be deleted");
            }
            List<UUID> members = store.memberNicsOf(session, group);
            List<SecurityGroupEntity> referencing = store.referencingGroups(session, group);
            if (!members.isEmpty() || !referencing.isEmpty()) {
                throw new WeftException(ErrorCode.IN_USE, inUseMessage(group, members, referencing));
            }
            store.delete(session, group);
            return Mutation.of(id, ChangeRecords.groups(changes, session, List.of(id), true));
        });
    }

    private static String inUseMessage(
            SecurityGroupEntity group, List<UUID> members, List<SecurityGroupEntity> referencing) {
        List<String> uses = new ArrayList<>();
        if (!members.isEmpty()) {
            uses.add("network interfaces " + members);
        }
        if (!referencing.isEmpty()) {
            uses.add("rules of security groups "
                    + referencing.stream()
                            .map(SecurityGroupEntity::getUuid)
                            .sorted()
                            .toList());
        }
        return "security group " + group.getUuid() + " is used by " + String.join(" and by ", uses);
    }

    /**
     * The account's CloudStack {@code default} group, created on first need (no ingress, egress all
     * until an egress rule exists). Only a create writes a change record.
     */
    public Mutation<SecurityGroupView> defaultGroupFor(Caller caller, UUID accountId) {
        return Transactions.write(sessions, session -> {
            Account owner = ownership.ownerFor(session, caller, Optional.of(accountId));
            DefaultGroups.Defaulted defaulted = defaults.forAccount(session, owner);
            List<Long> recorded = defaulted.created()
                    ? ChangeRecords.groups(
                            changes, session, List.of(defaulted.group().getUuid()), false)
                    : List.of();
            return Mutation.of(GroupViews.view(session, store, defaulted.group()), recorded);
        });
    }

    // Rules ---------------------------------------------------------------------------------------

    /**
     * Adds rules to a group: one per CIDR and one per group of each permission. All or nothing: a
     * rule that already exists (or is asked for twice) is DUPLICATE, more than the quota per
     * direction is LIMIT_EXCEEDED. Returns the rules created now.
     */
    public Mutation<List<RuleView>> authorize(
            Caller caller, UUID groupId, RuleDirection direction, List<RuleRequest> permissions) {
        requireNonNull(direction, "direction is null");
        requirePermissions(permissions);
        return Transactions.write(sessions, session -> {
            SecurityGroupEntity group = groups.byId(session, caller, groupId);
            List<RuleSpec> specs = expand(session, caller, group, direction, permissions);
            Set<RuleKey> existing =
                    store.rulesOf(session, group).stream().map(RuleKey::of).collect(Collectors.toSet());
            Set<RuleKey> seen = new HashSet<>();
            for (RuleSpec spec : specs) {
                if (existing.contains(spec.key()) || !seen.add(spec.key())) {
                    throw new WeftException(ErrorCode.DUPLICATE, "the rule " + spec.key() + " already exists");
                }
            }
            long count = store.countRules(session, group, direction) + specs.size();
            if (count > limits.rulesPerGroupPerDirection()) {
                throw new WeftException(
                        ErrorCode.LIMIT_EXCEEDED,
                        "security group " + groupId + " would have " + count + " " + direction + " rules; at most "
                                + limits.rulesPerGroupPerDirection() + " are allowed");
            }
            Instant now = clock.instant();
            List<SecurityGroupRuleEntity> created = new ArrayList<>();
            for (RuleSpec spec : specs) {
                SecurityGroupRuleEntity rule = spec.toRule(group, now);
                store.persist(session, rule);
                created.add(rule);
            }
            return Mutation.of(
                    created.stream().map(GroupViews::view).toList(),
                    ChangeRecords.groups(changes, session, List.of(group.getUuid()), false));
        });
    }

    /**
     * Gives rules of a group new content in place (EC2's ModifySecurityGroupRules): each keeps its id
     * and direction, and hosts get the whole change as one change record. All or nothing: a rule that
     * is not the group's is NOT_FOUND, a replacement must make exactly one rule (one CIDR or one group),
     * and one equal to another rule of the group is DUPLICATE. Returns the replaced rules as they are now.
     */
    public Mutation<List<RuleView>> replaceRules(Caller caller, UUID groupId, Map<UUID, RuleRequest> replacements) {
        if (replacements.isEmpty()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "no rule to replace given");
        }
        return Transactions.write(sessions, session -> {
            SecurityGroupEntity group = groups.byId(session, caller, groupId);
            Map<UUID, SecurityGroupRuleEntity> held = new LinkedHashMap<>();
            store.rulesOf(session, group).forEach(rule -> held.put(rule.getUuid(), rule));
            Map<SecurityGroupRuleEntity, RuleSpec> edits = new LinkedHashMap<>();
            for (Map.Entry<UUID, RuleRequest> replacement : replacements.entrySet()) {
                SecurityGroupRuleEntity rule = held.get(replacement.getKey());
                if (rule == null) {
                    throw new WeftException(
                            ErrorCode.NOT_FOUND, "security group " + groupId + " has no rule " + replacement.getKey());
                }
                List<RuleSpec> specs =
                        expand(session, caller, group, rule.getDirection(), List.of(replacement.getValue()));
                if (specs.size() != 1) {
                    throw WeftException.invalid(
                            "rule " + rule.getUuid() + " can only be replaced by one rule: one CIDR or one group");
                }
                edits.put(rule, specs.get(0));
            }
            // The new contents must differ from each other and from the rules left as they are.
            Set<RuleKey> taken = held.values().stream()
                    .filter(rule -> !edits.containsKey(rule))
                    .map(RuleKey::of)
                    .collect(Collectors.toCollection(HashSet::new));
            for (RuleSpec spec : edits.values()) {
                if (!taken.add(spec.key())) {
                    throw new WeftException(ErrorCode.DUPLICATE, "the rule " + spec.key() + " already exists");
                }
            }
            edits.forEach((rule, spec) -> spec.applyTo(rule));
            session.flush();
            return Mutation.of(
                    edits.keySet().stream().map(GroupViews::view).toList(),
                    ChangeRecords.groups(changes, session, List.of(group.getUuid()), false));
        });
    }

    /** Revokes rules by id (CloudStack's ruleid, EC2's SecurityGroupRuleId); all or nothing. */
    public Mutation<List<UUID>> revoke(Caller caller, Collection<UUID> ruleIds, RuleDirection direction) {
        requireNonNull(direction, "direction is null");
        if (ruleIds.isEmpty()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "no rule id given");
        }
        Set<UUID> wanted = new LinkedHashSet<>(ruleIds);
        return Transactions.write(sessions, session -> {
            Map<UUID, SecurityGroupRuleEntity> found = new LinkedHashMap<>();
            for (SecurityGroupRuleEntity rule : store.findRules(session, wanted)) {
                if (ownership.canSee(caller, rule.getSecurityGroup().getAccount())) {
                    found.put(rule.getUuid(), rule);
                }
            }
            for (UUID id : wanted) {
                if (!found.containsKey(id)) {
                    throw WeftException.notFound("security group rule", id);
                }
                if (found.get(id).getDirection() != direction) {
                    // CloudStack's own refusal: revoking an egress rule as ingress (or back) is an error.
                    throw WeftException.invalid("Mismatch in rule type for security rule with id " + id);
                }
            }
            return removeRules(session, found.values());
        });
    }

    /**
     * Revokes the rules whose content the permissions describe (EC2's revoke by IpPermissions); a
     * permission that matches no rule is NOT_FOUND and nothing is revoked.
     */
    public Mutation<List<UUID>> revokeMatching(
            Caller caller, UUID groupId, RuleDirection direction, List<RuleRequest> permissions) {
        requireNonNull(direction, "direction is null");
        requirePermissions(permissions);
        return Transactions.write(sessions, session -> {
            SecurityGroupEntity group = groups.byId(session, caller, groupId);
            Map<RuleKey, SecurityGroupRuleEntity> existing = new LinkedHashMap<>();
            store.rulesOf(session, group).forEach(rule -> existing.put(RuleKey.of(rule), rule));
            Set<SecurityGroupRuleEntity> matched = new LinkedHashSet<>();
            for (RuleSpec spec : expand(session, caller, group, direction, permissions)) {
                SecurityGroupRuleEntity rule = existing.get(spec.key());
                if (rule == null) {
                    throw new WeftException(
                            ErrorCode.NOT_FOUND, "security group " + groupId + " has no rule " + spec.key());
                }
                matched.add(rule);
            }
            return removeRules(session, matched);
        });
    }

    private Mutation<List<UUID>> removeRules(Session session, Collection<SecurityGroupRuleEntity> rules) {
        Set<UUID> touched = rules.stream()
                .map(rule -> rule.getSecurityGroup().getUuid())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        store.removeRules(session, rules);
        return Mutation.of(
                rules.stream().map(SecurityGroupRuleEntity::getUuid).toList(),
                ChangeRecords.groups(changes, session, touched, true));
    }

    private List<RuleSpec> expand(
            Session session,
            Caller caller,
            SecurityGroupEntity group,
            RuleDirection direction,
            List<RuleRequest> requests) {
        List<RuleSpec> specs = new ArrayList<>();
        for (RuleRequest request : requests) {
            specs.addAll(RuleExpander.expand(direction, request, ref -> remoteGroup(session, caller, group, ref)));
        }
        return specs;
    }

    /** A rule's remote group: visible to the caller, and in the same VPC as the group (EC2). */
    private SecurityGroupEntity remoteGroup(Session session, Caller caller, SecurityGroupEntity group, GroupRef ref) {
        SecurityGroupEntity remote = groups.resolve(session, caller, group.getAccount(), group.getScope(), ref);
        if (!Objects.equals(GroupResolver.scopeId(remote.getScope()), GroupResolver.scopeId(group.getScope()))) {
            throw WeftException.invalid(
                    "security group " + remote.getUuid() + " is not in the same VPC as " + group.getUuid());
        }
        return remote;
    }

    // Helpers -------------------------------------------------------------------------------------

    private Account visibleAccount(Session session, Caller caller, Optional<UUID> accountId) {
        if (accountId.isEmpty() || accountId.get().equals(caller.accountId())) {
            return ownership.ownerFor(session, caller, Optional.empty());
        }
        return Ownership.find(session, Account.class, accountId.get())
                .filter(account -> ownership.canSee(caller, account))
                .orElseThrow(() -> WeftException.notFound("account", accountId.get()));
    }

    private void requireNameFree(Session session, Account owner, NetworkScope scope, String name) {
        if (store.findByName(session, owner, scope, name).isPresent()) {
            throw new WeftException(ErrorCode.DUPLICATE, "security group " + name + " already exists");
        }
    }

    private static void requirePermissions(List<RuleRequest> permissions) {
        if (permissions.isEmpty()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "no permission given");
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "a security group name is required");
        }
        TextFields.checked("a security group name", name, MAX_NAME_LENGTH);
        if (name.equalsIgnoreCase(DefaultGroups.NAME)) {
            throw WeftException.invalid("the security group name " + name + " is reserved");
        }
        return name;
    }
}
