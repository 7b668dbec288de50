package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * What makes two rules of a group the same rule (EC2's InvalidPermission.Duplicate): everything but
 * the description. Nullable parts are absent ports, "any" ICMP and the unused remote side.
 */
record RuleKey(
        RuleDirection direction,
        EtherType etherType,
        String protocol,
        Integer startPort,
        Integer endPort,
        Integer icmpType,
        Integer icmpCode,
        String remoteCidr,
        UUID remoteGroup) {
    RuleKey {
        requireNonNull(direction, "direction is null");
        requireNonNull(etherType, "etherType is null");
        requireNonNull(protocol, "protocol is null");
    }

    static RuleKey of(SecurityGroupRuleEntity rule) {
        return new RuleKey(
                rule.getDirection(),
                rule.getEtherType(),
                rule.getProtocol(),
                rule.getStartPort(),
                rule.getEndPort(),
                rule.getIcmpType(),
                rule.getIcmpCode(),
                rule.getRemoteCidr(),
                rule.getRemoteGroup() == null ? null : rule.getRemoteGroup().getUuid());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(direction.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ')
                .append(etherType)
                .append(' ')
                .append(protocol);
        if (startPort != null) {
            text.append(' ').append(startPort).append('-').append(endPort);
        }
        if (icmpType != null) {
            text.append(" type ").append(icmpType).append(" code ").append(icmpCode);
        }
        text.append(direction == RuleDirection.INGRESS ? " from " : " to ");
        text.append(remoteCidr != null ? remoteCidr : "group " + remoteGroup);
        return text.toString();
    }
}
