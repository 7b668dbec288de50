package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.NetworkQuery;
import io.weft.server.network.NetworkScopeService;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NetworkView;
import io.weft.server.network.ScopeView;
import io.weft.server.service.Page;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every EC2 VPC has from birth and Weft keeps no rows for: a default network ACL and a main route
 * table. Weft's VPCs behave as a VPC with just those two (everything allowed at the subnet edge, one
 * local route), so they are derived from the VPC: their IDs carry the VPC's digits ({@code acl-…},
 * {@code rtb-…}), which keeps them stable and unique, and every subnet of the VPC is associated with
 * the ACL.
 */
final class ImplicitVpcParts {
    private final NetworkScopeService scopes;
    private final NetworkService networks;

    @Inject
    ImplicitVpcParts(NetworkScopeService scopes, NetworkService networks) {
        this.scopes = requireNonNull(scopes, "scopes is null");
        this.networks = requireNonNull(networks, "networks is null");
    }

    /** A VPC of the caller with the EC2 IDs of its subnets. */
    record Vpc(ScopeView scope, List<String> subnetIds) {
        Vpc {
            requireNonNull(scope, "scope is null");
            subnetIds = List.copyOf(subnetIds);
        }

        String vpcId() {
            return Ec2Kind.VPC.id(scope.id());
        }

        String digits() {
            return vpcId().substring("vpc-".length());
        }

        String ownerId() {
            return Ec2AccountIds.of(scope.accountId());
        }
    }

    /** Every VPC the caller may see, with its subnets, in the order DescribeVpcs lists them. */
    List<Vpc> vpcs(Caller caller) {
        Map<UUID, List<String>> subnets = new LinkedHashMap<>();
        for (NetworkView network :
                networks.list(caller, NetworkQuery.all(), Page.ALL).items()) {
            network.scopeId().ifPresent(scope -> subnets.computeIfAbsent(scope, s -> new ArrayList<>())
                    .add(Ec2Kind.SUBNET.id(network.id())));
        }
        return scopes.list(caller, Set.of(), Optional.empty(), Page.ALL).items().stream()
                .map(scope -> new Vpc(scope, subnets.getOrDefault(scope.id(), List.of())))
                .toList();
    }

    /**
     * The VPCs whose derived part ({@code idOf}) the call names by {@code parameter}, all when it
     * names none, that pass the call's filters. A named part that is not the caller's fails with
     * {@code notFoundCode}.
     */
    List<Vpc> select(
            Ec2Call call,
            String parameter,
            Function<Vpc, String> idOf,
            String notFoundCode,
            Function<Vpc, Map<String, List<String>>> attributes) {
        Set<String> wanted = Set.copyOf(call.params().list(parameter));
        Ec2Filters filters = call.filters();
        List<Vpc> all = vpcs(call.caller());
        for (String id : wanted) {
            if (all.stream().map(idOf).noneMatch(id::equals)) {
                throw new Ec2Failure(notFoundCode, "The ID '" + id + "' does not exist");
            }
        }
        return all.stream()
                .filter(vpc -> wanted.isEmpty() || wanted.contains(idOf.apply(vpc)))
                .filter(vpc -> filters.matches(attributes.apply(vpc)))
                .toList();
    }
}
