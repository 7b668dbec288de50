package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One validated rule, ready to be stored: its content and the remote group it names, if any. */
record RuleSpec(RuleKey key, Optional<SecurityGroupEntity> remoteGroup, Optional<String> description) {
    RuleSpec {
        requireNonNull(key, "key is null");
        requireNonNull(remoteGroup, "remoteGroup is null");
        requireNonNull(description, "description is null");
    }

    SecurityGroupRuleEntity toRule(SecurityGroupEntity group, Instant now) {
        SecurityGroupRuleEntity rule = remoteGroup.isPresent()
                ? SecurityGroupRuleEntity.toGroup(
                        UUID.randomUUID(),
                        group,
                        key.direction(),
                        key.etherType(),
                        key.protocol(),
                        remoteGroup.get(),
                        now)
                : SecurityGroupRuleEntity.toCidr(
                        UUID.randomUUID(),
                        group,
                        key.direction(),
                        key.etherType(),
                        key.protocol(),
                        key.remoteCidr(),
                        now);
        return withDetails(rule);
    }

    /** Gives an existing rule of the same direction this content, in place: its id stays. */
    void applyTo(SecurityGroupRuleEntity rule) {
        withDetails(rule.redefine(key.etherType(), key.protocol(), key.remoteCidr(), remoteGroup.orElse(null)));
    }

    private SecurityGroupRuleEntity withDetails(SecurityGroupRuleEntity rule) {
        return rule.withPorts(key.startPort(), key.endPort())
                .withIcmp(key.icmpType(), key.icmpCode())
                .withDescription(description.orElse(null));
    }
}
