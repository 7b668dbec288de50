package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.ec2attributes.Ec2AttributeService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ModifySubnetAttribute: one {@link SubnetSettings} setting per call, as EC2 allows. Terraform's
 * {@code aws_subnet} and Ansible's {@code ec2_vpc_subnet} call it whenever the subnet they read differs
 * from their configuration, then read until it matches.
 */
final class SubnetAttributeActions implements Ec2Action.Family {
    private final Ec2AttributeService attributes;
    private final Ec2IdResolver ids;

    @Inject
    SubnetAttributeActions(Ec2AttributeService attributes, Ec2IdResolver ids) {
        this.attributes = requireNonNull(attributes, "attributes is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(new Ec2Action("ModifySubnetAttribute", this::modify));
    }

    private void modify(Ec2Call call, XmlOut out) {
        Ec2Params params = call.params();
        UUID subnet = ids.subnet(call.caller(), params.required("SubnetId"));
        List<Map.Entry<String, String>> changes = new ArrayList<>();
        SubnetSettings.BOOLEANS.forEach((wire, name) ->
                params.bool(wire).ifPresent(value -> changes.add(Map.entry(name, Boolean.toString(value)))));
        params.string("PrivateDnsHostnameTypeOnLaunch").ifPresent(type -> {
            if (!SubnetSettings.HOSTNAME_TYPES.contains(type)) {
                throw Ec2Failure.invalidValue("Value (" + type + ") for parameter PrivateDnsHostnameTypeOnLaunch is"
                        + " invalid. Expecting one of " + SubnetSettings.HOSTNAME_TYPES);
            }
            changes.add(Map.entry(SubnetSettings.HOSTNAME_TYPE, type));
        });
        // Customer-owned addresses come with their pool in the same call.
        params.string("CustomerOwnedIpv4Pool").ifPresent(pool -> changes.add(Map.entry("customerOwnedIpv4Pool", pool)));
        long attributesGiven = changes.stream()
                .filter(change -> !change.getKey().equals("customerOwnedIpv4Pool"))
                .count();
        if (attributesGiven != 1) {
            throw new Ec2Failure(
                    "InvalidParameterCombination", "ModifySubnetAttribute changes exactly one attribute per call");
        }
        changes.forEach(change -> attributes.set(subnet, change.getKey(), change.getValue()));
        out.leaf("return", true);
    }
}
