package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.compute.NicQuery;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicView;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkQuery;
import io.weft.server.network.NetworkScopeService;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NetworkView;
import io.weft.server.network.ScopeView;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupView;
import io.weft.server.service.Page;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Turns EC2 IDs back into Weft UUIDs. An EC2 ID keeps 17 of the UUID's 32 hex digits (68 bits, 64 of
 * them random), so it is looked up: first in a cache of IDs this server has seen, confirmed by a
 * service {@code get} under the caller's authority; else among everything of that kind the caller
 * may see. Either way an ID that is not the caller's to see is that kind's {@code .NotFound}.
 */
final class Ec2IdResolver {
    private final NetworkScopeService scopes;
    private final NetworkService networks;
    private final SecurityGroupService groups;
    private final NicService nics;
    private final VirtualMachineService vms;
    private final ConcurrentMap<String, UUID> known = new ConcurrentHashMap<>();

    @Inject
    Ec2IdResolver(
            NetworkScopeService scopes,
            NetworkService networks,
            SecurityGroupService groups,
            NicService nics,
            VirtualMachineService vms) {
        this.scopes = requireNonNull(scopes, "scopes is null");
        this.networks = requireNonNull(networks, "networks is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.nics = requireNonNull(nics, "nics is null");
        this.vms = requireNonNull(vms, "vms is null");
    }

    /** A rule and the group that holds it. */
    record RuleRef(UUID ruleId, UUID groupId) {}

    UUID vpc(Caller caller, String ec2Id) {
        return resolve(Ec2Kind.VPC, caller, ec2Id);
    }

    UUID subnet(Caller caller, String ec2Id) {
        return resolve(Ec2Kind.SUBNET, caller, ec2Id);
    }

    UUID group(Caller caller, String ec2Id) {
        return resolve(Ec2Kind.GROUP, caller, ec2Id);
    }

    UUID networkInterface(Caller caller, String ec2Id) {
        return resolve(Ec2Kind.NETWORK_INTERFACE, caller, ec2Id);
    }

    RuleRef rule(Caller caller, String ec2Id) {
        Ec2Kind.RULE.checkShape(ec2Id);
        for (SecurityGroupView group :
                groups.list(caller, GroupQuery.all(), Page.ALL).items()) {
            for (RuleView rule : Stream.concat(group.ingress().stream(), group.egress().stream())
                    .toList()) {
                if (Ec2Kind.RULE.id(rule.id()).equals(ec2Id)) {
                    return new RuleRef(rule.id(), group.id());
                }
            }
        }
        throw Ec2Kind.RULE.notFound(ec2Id);
    }

    /** A VPC group by name; names are unique per VPC, so a name found in two VPCs is ambiguous. */
    UUID groupNamed(Caller caller, String name) {
        List<SecurityGroupView> named =
                groups.list(caller, GroupQuery.all().withNames(Set.of(name)), Page.ALL).items().stream()
                        .filter(group -> group.scopeId().isPresent())
                        .toList();
        if (named.isEmpty()) {
            throw Ec2Kind.GROUP.notFound(name);
        }
        if (named.size() > 1) {
            throw Ec2Failure.invalidValue("the group name '" + name + "' is used in several VPCs; use GroupId");
        }
        return named.get(0).id();
    }

    /** Records an ID this server has just handed out, so the next lookup is one {@code get}. */
    String remember(Ec2Kind kind, UUID uuid) {
        String ec2Id = kind.id(uuid);
        known.put(ec2Id, uuid);
        return ec2Id;
    }

    /** The EC2 ID this server has handed out or resolved for a Weft UUID, if it has. */
    Optional<String> knownId(UUID uuid) {
        return known.entrySet().stream()
                .filter(entry -> entry.getValue().equals(uuid))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    UUID resolve(Ec2Kind kind, Caller caller, String ec2Id) {
        kind.checkShape(ec2Id);
        if (kind == Ec2Kind.RULE) {
            return rule(caller, ec2Id).ruleId();
        }
        UUID cached = known.get(ec2Id);
        if (cached != null && visible(kind, caller, cached)) {
            return cached;
        }
        for (UUID uuid : everyVisible(kind, caller)) {
            if (remember(kind, uuid).equals(ec2Id)) {
                return uuid;
            }
        }
        throw kind.notFound(ec2Id);
    }

    private boolean visible(Ec2Kind kind, Caller caller, UUID uuid) {
        try {
            switch (kind) {
                case VPC -> scopes.get(caller, uuid);
                case SUBNET -> networks.get(caller, uuid);
                case GROUP -> groups.get(caller, uuid);
                case NETWORK_INTERFACE -> nics.get(caller, uuid);
                case INSTANCE -> vms.get(caller, uuid);
                case RULE -> throw new IllegalArgumentException("rules are resolved through their groups");
            }
            return true;
        } catch (WeftException e) {
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.PERMISSION_DENIED) {
                return false;
            }
            throw e;
        }
    }

    private List<UUID> everyVisible(Ec2Kind kind, Caller caller) {
        return switch (kind) {
            case VPC -> scopes.list(caller, Set.of(), Optional.empty(), Page.ALL).items().stream()
                    .map(ScopeView::id)
                    .toList();
            case SUBNET -> networks.list(caller, NetworkQuery.all(), Page.ALL).items().stream()
                    .filter(network -> network.scopeId().isPresent())
                    .map(NetworkView::id)
                    .toList();
            case GROUP -> groups.list(caller, GroupQuery.all(), Page.ALL).items().stream()
                    .map(SecurityGroupView::id)
                    .toList();
            case NETWORK_INTERFACE -> nics.list(caller, NicQuery.all(), Page.ALL).items().stream()
                    .map(NicView::id)
                    .toList();
            case INSTANCE -> vms.list(caller, Set.of(), Optional.empty(), Page.ALL).items().stream()
                    .map(VirtualMachineView::id)
                    .toList();
            case RULE -> List.of();
        };
    }
}
