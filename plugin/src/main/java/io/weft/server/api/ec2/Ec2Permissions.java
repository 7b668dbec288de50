package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.tenancy.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads EC2 permissions into service rule requests: {@code IpPermissions.N.*} with ranges and group
 * pairs under both wire names ({@code Groups}, {@code UserIdGroupPairs}), or the legacy flat form
 * ({@code IpProtocol FromPort ToPort CidrIp SourceSecurityGroupName}). Each range or group pair
 * becomes its own request so that it keeps its own description.
 */
final class Ec2Permissions {
    private final Ec2IdResolver ids;

    Ec2Permissions(Ec2IdResolver ids) {
        this.ids = requireNonNull(ids, "ids is null");
    }

    List<RuleRequest> read(Caller caller, Ec2Params params) {
        List<RuleRequest> requests = new ArrayList<>();
        for (Ec2Params permission : params.structs("IpPermissions")) {
            requests.addAll(permission(caller, permission));
        }
        if (params.string("IpProtocol").isPresent()
                || params.string("CidrIp").isPresent()
                || params.string("SourceSecurityGroupName").isPresent()) {
            requests.addAll(legacy(params));
        }
        return requests;
    }

    private List<RuleRequest> permission(Caller caller, Ec2Params permission) {
        RuleRequest base =
                base(permission.required("IpProtocol"), permission.integer("FromPort"), permission.integer("ToPort"));
        List<RuleRequest> requests = new ArrayList<>();
        for (Ec2Params range : permission.structs("IpRanges")) {
            requests.add(described(base.fromCidrs(ipv4(range.required("CidrIp"))), range));
        }
        for (Ec2Params range : permission.structs("Ipv6Ranges")) {
            requests.add(described(base.fromCidrs(ipv6(range.required("CidrIpv6"))), range));
        }
        if (permission.hasAny("PrefixListIds")) {
            throw Ec2Failure.invalidValue("prefix lists are not supported");
        }
        for (Ec2Params pair : permission.structs("Groups", "UserIdGroupPairs")) {
            GroupRef ref = pair.string("GroupId")
                    .map(id -> GroupRef.id(ids.group(caller, id)))
                    .or(() -> pair.string("GroupName").map(GroupRef::name))
                    .orElseThrow(() -> Ec2Failure.missing("GroupId"));
            requests.add(described(base.fromGroups(ref), pair));
        }
        if (requests.isEmpty()) {
            throw Ec2Failure.missing("IpRanges, Ipv6Ranges or Groups");
        }
        return requests;
    }

    private static List<RuleRequest> legacy(Ec2Params params) {
        RuleRequest base =
                base(params.string("IpProtocol").orElse("-1"), params.integer("FromPort"), params.integer("ToPort"));
        List<RuleRequest> requests = new ArrayList<>();
        params.string("CidrIp").ifPresent(cidr -> requests.add(base.fromCidrs(ipv4(cidr))));
        params.string("SourceSecurityGroupName").ifPresent(name -> requests.add(base.fromGroups(GroupRef.name(name))));
        if (requests.isEmpty()) {
            throw Ec2Failure.missing("CidrIp or SourceSecurityGroupName");
        }
        return requests;
    }

    /**
     * CidrIp holds IPv4 ranges only, CidrIpv6 IPv6 ones: EC2 refuses the other family in each, and an
     * address without a prefix length.
     */
    private static String ipv4(String cidr) {
        if (cidr.indexOf(':') >= 0 || cidr.indexOf('/') < 0) {
            throw Ec2Failure.invalidValue("CIDR block " + cidr + " is malformed");
        }
        return cidr;
    }

    private static String ipv6(String cidr) {
        if (cidr.indexOf(':') < 0 || cidr.indexOf('/') < 0) {
            throw Ec2Failure.invalidValue("CIDR block " + cidr + " is malformed");
        }
        return cidr;
    }

    /** EC2 carries ICMP type and code in FromPort and ToPort. */
    static RuleRequest base(String protocol, Optional<Integer> from, Optional<Integer> to) {
        String normalized = protocol.strip().toLowerCase(Locale.ROOT);
        if (isIcmp(normalized)) {
            return new RuleRequest(
                    normalized,
                    Optional.empty(),
                    Optional.empty(),
                    from,
                    to,
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty());
        }
        RuleRequest request = RuleRequest.protocol(normalized);
        if (!hasPorts(normalized)) {
            // EC2 allows every port for -1 and for protocols without ports, whatever FromPort and ToPort
            // say: Terraform revokes the default egress rule with IpProtocol=-1 FromPort=0 ToPort=0.
            return request;
        }
        if (from.isPresent() || to.isPresent()) {
            return new RuleRequest(
                    normalized,
                    from,
                    to,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty());
        }
        return request;
    }

    /** TCP and UDP, by name or number: the only protocols whose rules EC2 limits to ports. */
    static boolean hasPorts(String protocol) {
        return protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("6") || protocol.equals("17");
    }

    static boolean isIcmp(String protocol) {
        return protocol.equals("icmp") || protocol.equals("icmpv6") || protocol.equals("1") || protocol.equals("58");
    }

    private static RuleRequest described(RuleRequest request, Ec2Params item) {
        return item.string("Description").map(request::describedAs).orElse(request);
    }
}
