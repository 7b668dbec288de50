package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.NetworkOfferings.Offering;
import io.weft.server.api.cloudstack.commands.NetworkOfferings.OfferingResponse;
import io.weft.server.api.cloudstack.commands.Tags.TagResponse;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.network.NetworkQuery;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NetworkView;
import io.weft.server.network.NewNetwork;
import io.weft.server.service.Mutation;
import io.weft.server.service.Paged;
import io.weft.server.tags.TaggedType;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.IpAddresses;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Network offerings and {@code create/list/update/deleteNetwork}. */
final class NetworkCommands {
    /** CloudStack's own default guest CIDR, for a createNetwork that names no gateway. */
    static final String DEFAULT_CIDR = "10.1.1.0/24";

    private NetworkCommands() {}

    static NetworkResponse render(Tags tags, Caller caller, NetworkView network) {
        List<TagResponse> own =
                tags.of(caller, TaggedType.NETWORK, List.of(network.id())).getOrDefault(network.id(), List.of());
        return NetworkResponse.of(network, own);
    }

    static final class ListOfferings extends SyncCommand {
        private final ApiConfig api;

        @Inject
        ListOfferings(ApiConfig api) {
            super("listNetworkOfferings");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<Boolean> isDefault = params.bool("isdefault");
            Optional<String> guestIpType = params.get("guestiptype");
            Optional<String> trafficType = params.get("traffictype");
            return Listing.of(
                    "networkoffering",
                    NetworkOfferings.ALL,
                    params,
                    api,
                    Offering::id,
                    Offering::name,
                    offering -> isDefault.map(d -> d == offering.isdefault()).orElse(true)
                            && guestIpType.map("Isolated"::equalsIgnoreCase).orElse(true)
                            && trafficType.map("Guest"::equalsIgnoreCase).orElse(true),
                    OfferingResponse::of);
        }
    }

    static final class Create extends SyncCommand {
        private final NetworkService networks;
        private final Owners owners;
        private final Tags tags;

        @Inject
        Create(NetworkService networks, Owners owners, Tags tags) {
            super("createNetwork");
            this.networks = requireNonNull(networks, "networks is null");
            this.owners = requireNonNull(owners, "owners is null");
            this.tags = requireNonNull(tags, "tags is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            UUID offeringId = params.requiredUuid("networkofferingid");
            Offering offering = NetworkOfferings.byId(offeringId)
                    .orElseThrow(() -> new WeftException(
                            ErrorCode.NOT_FOUND, "Unable to find network offering by id " + offeringId));
            Optional<Long> segment = params.get("vlan").map(vlan -> segment(params, vlan));
            NewNetwork request = new NewNetwork(
                    owners.owner(caller, params),
                    params.requiredUuid("zoneid"),
                    params.required("name"),
                    params.get("displaytext"),
                    Optional.of(offering.isolation()),
                    segment,
                    cidr(params),
                    params.get("gateway"),
                    params.get("startip"),
                    params.get("endip"),
                    params.get("ip6cidr"),
                    Optional.empty());
            NetworkView network = networks.create(caller, request).value();
            return CloudStackResult.object("network", render(tags, caller, network));
        }

        /** CloudStack sends gateway and netmask; Weft wants the CIDR they span. */
        private static String cidr(Params params) {
            Optional<String> gateway = params.get("gateway");
            Optional<String> netmask = params.get("netmask");
            if (gateway.isEmpty() && netmask.isEmpty()) {
                return DEFAULT_CIDR;
            }
            String gw = params.required("gateway");
            String mask = params.required("netmask");
            if (!IpAddresses.isIpv4(gw)) {
                throw params.invalid("gateway", gw);
            }
            int prefix;
            try {
                prefix = IpAddresses.netmaskPrefix(mask);
            } catch (RuntimeException e) {
                throw params.invalid("netmask", mask);
            }
            if (prefix < 1 || prefix > 30) {
                throw params.invalid("netmask", mask);
            }
            long bits = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            long network = IpAddresses.ipv4ToLong(gw) & bits;
            return ((network >> 24) & 0xFF) + "." + ((network >> 16) & 0xFF) + "." + ((network >> 8) & 0xFF) + "."
                    + (network & 0xFF) + "/" + prefix;
        }

        /** {@code vlan} is a number or a URI such as {@code vlan://100} or {@code vxlan://5000}. */
        private static long segment(Params params, String vlan) {
            String digits = vlan.contains("://") ? vlan.substring(vlan.indexOf("://") + 3) : vlan;
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw params.invalid("vlan", vlan);
            }
        }
    }

    static final class ListCommand extends SyncCommand {
        private final NetworkService networks;
        private final Owners owners;
        private final Tags tags;
        private final ApiConfig api;

        @Inject
        ListCommand(NetworkService networks, Owners owners, Tags tags, ApiConfig api) {
            super("listNetworks");
            this.networks = requireNonNull(networks, "networks is null");
            this.owners = requireNonNull(owners, "owners is null");
            this.tags = requireNonNull(tags, "tags is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<Set<UUID>> tagged = tags.filter(caller, TaggedType.NETWORK, params);
            Set<UUID> ids = params.uuid("id").map(Set::of).orElse(Set.of());
            if (tagged.isPresent()) {
                Set<UUID> both = new java.util.HashSet<>(tagged.get());
                if (!ids.isEmpty()) {
                    both.retainAll(ids);
                }
                ids = both;
            }
            // The only networks Weft has are isolated guest networks owned by accounts.
            boolean excluded =
                    params.get("type").map(t -> !t.equalsIgnoreCase("Isolated")).orElse(false)
                            || params.get("traffictype")
                                    .map(t -> !t.equalsIgnoreCase("Guest"))
                                    .orElse(false)
                            || params.bool("issystem", false)
                            || params.get("vpcid").isPresent()
                            || params.uuid("networkofferingid")
                                    .map(o -> NetworkOfferings.byId(o).isEmpty())
                                    .orElse(false);
            if (excluded || (tagged.isPresent() && ids.isEmpty())) {
                return CloudStackResult.list("network", java.util.List.of(), 0);
            }
            NetworkQuery query = new NetworkQuery(
                    ids,
                    owners.owner(caller, params),
                    params.uuid("zoneid"),
                    Optional.empty(),
                    params.get("name"),
                    params.get("keyword"));
            Paged<NetworkView> page = networks.list(caller, query, Listing.page(params, api));
            Optional<UUID> offering = params.uuid("networkofferingid");
            java.util.List<NetworkView> items = page.items().stream()
                    .filter(n -> offering.map(
                                    o -> NetworkOfferings.of(n.isolation()).id().equals(o))
                            .orElse(true))
                    .toList();
            Map<UUID, java.util.List<TagResponse>> tagsById = tags.of(
                    caller,
                    TaggedType.NETWORK,
                    items.stream().map(NetworkView::id).toList());
            return CloudStackResult.list(
                    "network",
                    items.stream()
                            .map(n -> NetworkResponse.of(n, tagsById.getOrDefault(n.id(), java.util.List.of())))
                            .toList(),
                    offering.isPresent() ? items.size() : page.total());
        }
    }

    static final class Update extends JobCommand {
        private final NetworkService networks;
        private final Tags tags;

        @Inject
        Update(NetworkService networks, Tags tags) {
            super("updateNetwork", "Network", "id");
            this.networks = requireNonNull(networks, "networks is null");
            this.tags = requireNonNull(tags, "tags is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            if (params.get("networkofferingid").isPresent()
                    || params.get("guestvmcidr").isPresent()) {
                throw new WeftException(
                        ErrorCode.INVALID_PARAMETER,
                        "changing a network's offering or guest CIDR is not supported; create a new network");
            }
            Mutation<NetworkView> updated =
                    networks.update(caller, params.requiredUuid("id"), params.get("name"), params.get("displaytext"));
            return JobOutcome.of(CloudStackResult.object("network", render(tags, caller, updated.value())), updated);
        }
    }

    static final class Delete extends JobCommand {
        private final NetworkService networks;

        @Inject
        Delete(NetworkService networks) {
            super("deleteNetwork", "Network", "id");
            this.networks = requireNonNull(networks, "networks is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            Mutation<UUID> deleted = networks.delete(caller, params.requiredUuid("id"), params.bool("forced", false));
            return JobOutcome.of(CloudStackResult.success(), deleted);
        }
    }
}
