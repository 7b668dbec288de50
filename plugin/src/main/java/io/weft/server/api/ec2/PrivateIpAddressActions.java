package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.compute.NicService;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * AssignPrivateIpAddresses and UnassignPrivateIpAddresses: secondary private IPv4 addresses of a
 * network interface, from its subnet. DescribeNetworkInterfaces lists them after the primary one,
 * with {@code primary} false.
 */
final class PrivateIpAddressActions implements Ec2Action.Family {
    private final NicService nics;
    private final Ec2IdResolver ids;

    @Inject
    PrivateIpAddressActions(NicService nics, Ec2IdResolver ids) {
        this.nics = requireNonNull(nics, "nics is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("AssignPrivateIpAddresses", this::assign),
                new Ec2Action("UnassignPrivateIpAddresses", this::unassign));
    }

    private void assign(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Params params = call.params();
        String eniId = params.required("NetworkInterfaceId");
        UUID nic = ids.networkInterface(caller, eniId);
        List<String> wanted = params.list("PrivateIpAddress");
        int count = params.integer("SecondaryPrivateIpAddressCount").orElse(0);
        if (!wanted.isEmpty() && count > 0) {
            throw new Ec2Failure(
                    "InvalidParameterCombination",
                    "PrivateIpAddress and SecondaryPrivateIpAddressCount cannot be given together");
        }
        if (params.hasAny("Ipv4Prefix") || params.integer("Ipv4PrefixCount").isPresent()) {
            throw Ec2Failure.invalidValue("IPv4 prefixes are not supported");
        }
        List<String> assigned = nics.assignSecondaryAddresses(caller, nic, wanted, count)
                .value()
                .assigned();
        out.leaf("networkInterfaceId", eniId)
                .set("assignedPrivateIpAddressesSet", assigned, (xml, address) -> xml.leaf("privateIpAddress", address))
                .leaf("return", true);
    }

    private void unassign(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Params params = call.params();
        UUID nic = ids.networkInterface(caller, params.required("NetworkInterfaceId"));
        if (params.hasAny("Ipv4Prefix")) {
            throw Ec2Failure.invalidValue("IPv4 prefixes are not supported");
        }
        nics.unassignSecondaryAddresses(caller, nic, params.list("PrivateIpAddress"));
        out.leaf("return", true);
    }
}
