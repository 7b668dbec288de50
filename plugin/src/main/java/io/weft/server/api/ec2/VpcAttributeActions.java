package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.ec2attributes.Ec2AttributeService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * DescribeVpcAttribute and ModifyVpcAttribute. Weft's DNS does not depend on them, but Terraform reads
 * all three on every {@code aws_vpc} read (a missing one fails the read) and Ansible compares them with
 * what it set, so they are stored and reported, with AWS's defaults for a VPC that is not the default.
 */
final class VpcAttributeActions implements Ec2Action.Family {
    /** Each attribute with AWS's value for a new, non-default VPC. */
    static final Map<String, Boolean> DEFAULTS = Map.of(
            "enableDnsSupport", true,
            "enableDnsHostnames", false,
            "enableNetworkAddressUsageMetrics", false);

    private final Ec2AttributeService attributes;
    private final Ec2IdResolver ids;

    @Inject
    VpcAttributeActions(Ec2AttributeService attributes, Ec2IdResolver ids) {
        this.attributes = requireNonNull(attributes, "attributes is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("DescribeVpcAttribute", this::describe),
                new Ec2Action("ModifyVpcAttribute", this::modify));
    }

    private void describe(Ec2Call call, XmlOut out) {
        String vpcId = call.params().required("VpcId");
        UUID vpc = ids.vpc(call.caller(), vpcId);
        String attribute = call.params().required("Attribute");
        if (!DEFAULTS.containsKey(attribute)) {
            throw Ec2Failure.invalidValue(
                    "Value (" + attribute + ") for parameter attribute is invalid. Expecting one of "
                            + DEFAULTS.keySet().stream().sorted().toList());
        }
        boolean value = Optional.ofNullable(attributes.of(vpc).get(attribute))
                .map(Boolean::parseBoolean)
                .orElse(DEFAULTS.get(attribute));
        out.leaf("vpcId", vpcId).start(attribute).leaf("value", value).end();
    }

    /** EC2 changes one attribute per call. */
    private void modify(Ec2Call call, XmlOut out) {
        UUID vpc = ids.vpc(call.caller(), call.params().required("VpcId"));
        List<String> given = DEFAULTS.keySet().stream()
                .filter(name -> call.params().string(wireName(name)).isPresent())
                .sorted()
                .toList();
        if (given.size() != 1) {
            throw new Ec2Failure(
                    "InvalidParameterCombination",
                    "exactly one of EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics must be"
                            + " given");
        }
        String name = given.get(0);
        boolean value = call.params().bool(wireName(name)).orElseThrow();
        attributes.set(vpc, name, Boolean.toString(value));
        out.leaf("return", true);
    }

    /** {@code enableDnsSupport} travels as {@code EnableDnsSupport.Value}. */
    private static String wireName(String attribute) {
        return Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1) + ".Value";
    }
}
