package io.weft.server.api.ec2;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The EC2 resource kinds Weft serves, with their ID prefix and error codes. An EC2 ID is the prefix
 * and the first 17 hex digits of the Weft UUID ({@code vpc-0a1b…}): deterministic, and resolvable
 * back by looking the digits up among the caller's resources (see {@link Ec2IdResolver}).
 */
enum Ec2Kind {
    VPC("vpc", "InvalidVpcID.NotFound", "InvalidVpcID.Malformed", "VpcID %s does not exist."),
    SUBNET("subnet", "InvalidSubnetID.NotFound", "InvalidSubnetID.Malformed", "The subnet ID '%s' does not exist"),
    GROUP("sg", "InvalidGroup.NotFound", "InvalidGroupId.Malformed", "The security group '%s' does not exist"),
    NETWORK_INTERFACE(
            "eni",
            "InvalidNetworkInterfaceID.NotFound",
            "InvalidNetworkInterfaceID.Malformed",
            "The networkInterface ID '%s' does not exist"),
    RULE(
            "sgr",
            "InvalidSecurityGroupRuleId.NotFound",
            "InvalidSecurityGroupRuleId.Malformed",
            "The security group rule ID '%s' does not exist"),
    INSTANCE("i", "InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed", "The instance ID '%s' does not exist");

    static final int HEX_DIGITS = 17;

    private final String prefix;
    private final String notFoundCode;
    private final String malformedCode;
    private final String notFoundMessage;
    private final Pattern shape;

    Ec2Kind(String prefix, String notFoundCode, String malformedCode, String notFoundMessage) {
        this.prefix = prefix;
        this.notFoundCode = notFoundCode;
        this.malformedCode = malformedCode;
        this.notFoundMessage = notFoundMessage;
        this.shape = Pattern.compile(Pattern.quote(prefix) + "-[0-9a-f]{" + HEX_DIGITS + "}");
    }

    String prefix() {
        return prefix;
    }

    String notFoundCode() {
        return notFoundCode;
    }

    /** The EC2 ID of a Weft UUID. */
    String id(UUID uuid) {
        return prefix + "-" + uuid.toString().replace("-", "").substring(0, HEX_DIGITS);
    }

    /** Fails with the kind's {@code .Malformed} code unless {@code ec2Id} could be one of ours. */
    String checkShape(String ec2Id) {
        if (ec2Id == null || !shape.matcher(ec2Id).matches()) {
            throw new Ec2Failure(malformedCode, "Invalid id: \"" + ec2Id + "\" (expecting \"" + prefix + "-...\")");
        }
        return ec2Id;
    }

    /** Whether {@code text} has the exact shape of one of our IDs of this kind. */
    boolean looksLike(String text) {
        return shape.matcher(text).matches();
    }

    Ec2Failure notFound(String ec2Id) {
        return new Ec2Failure(notFoundCode, String.format(notFoundMessage, ec2Id));
    }

    /** The kind whose prefix {@code ec2Id} has, such as a {@code ResourceId} of CreateTags. */
    static Optional<Ec2Kind> ofId(String ec2Id) {
        int dash = ec2Id.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String prefix = ec2Id.substring(0, dash);
        for (Ec2Kind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
