package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.commands.NetworkOfferings.Offering;
import io.weft.server.api.cloudstack.commands.NetworkOfferings.ServiceResponse;
import io.weft.server.api.cloudstack.commands.Tags.TagResponse;
import io.weft.server.network.NetworkView;
import java.time.Instant;
import java.util.List;

/**
 * A network as CloudStack names its fields (API-COMPAT §2.2); {@code service} is never null. Weft's
 * CloudStack networks are never in a VPC, so there is no {@code vpcid} key at all: clients such as
 * Terraform's provider read its presence as "this network is a VPC tier".
 */
record NetworkResponse(
        String id,
        String name,
        String displaytext,
        String zoneid,
        String zonename,
        String networkofferingid,
        String networkofferingname,
        String networkofferingdisplaytext,
        String networkofferingavailability,
        String type,
        String traffictype,
        String state,
        String cidr,
        String gateway,
        String netmask,
        String startip,
        String endip,
        String vlan,
        String broadcasturi,
        String broadcastdomaintype,
        String ip6cidr,
        String ip6gateway,
        boolean isdefault,
        boolean issystem,
        boolean isshared,
        boolean securitygroupenabled,
        String account,
        String domainid,
        String domain,
        String acltype,
        String related,
        List<ServiceResponse> service,
        List<TagResponse> tags,
        Instant created) {
    static NetworkResponse of(NetworkView network, List<TagResponse> tags) {
        Offering offering = NetworkOfferings.of(network.isolation());
        String segment = network.segmentId().map(String::valueOf).orElse(null);
        String scheme = network.isolation().name().toLowerCase(java.util.Locale.ROOT);
        return new NetworkResponse(
                network.id().toString(),
                network.name(),
                network.displayText().orElse(network.name()),
                network.zoneId().toString(),
                network.zoneName(),
                offering.id().toString(),
                offering.name(),
                offering.displaytext(),
                offering.isdefault() ? "Required" : "Optional",
                "Isolated",
                "Guest",
                network.state().name().charAt(0)
                        + network.state().name().substring(1).toLowerCase(java.util.Locale.ROOT),
                network.cidr(),
                network.gateway(),
                network.netmask(),
                network.startIp(),
                network.endIp(),
                segment,
                segment == null ? null : scheme + "://" + segment,
                network.isolation().name().charAt(0)
                        + network.isolation().name().substring(1).toLowerCase(java.util.Locale.ROOT),
                network.ipv6Cidr().orElse(null),
                network.ipv6Gateway().orElse(null),
                false,
                false,
                false,
                true,
                network.accountName(),
                network.domainId().toString(),
                network.domainName(),
                "Account",
                network.id().toString(),
                NetworkOfferings.services(),
                tags,
                network.created());
    }
}
