package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.model.SecurityGroup;
import io.weft.server.network.model.SecurityGroupRule;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One validated rule, ready to be stored: its content and the remote group it names, if any. */
record RuleSpec(RuleKey key, Optional<SecurityGroup> remoteGroup, Optional<String> description) {
    RuleSpec {
        requireNonNull(key, "key is null");
        requireNonNull(remoteGroup, "remoteGroup is null");
        requireNonNull(description, "description is null");
    }

    SecurityGroupRule toRule(SecurityGroup group, Instant now) {
        SecurityGroupRule rule = remoteGroup.isPresent()
                ? SecurityGroupRule.toGroup(
                        UUID.randomUUID(),
                        group,
                        key.direction(),
                        key.etherType(),
                        key.protocol(),
                        remoteGroup.get(),
                        now)
                : SecurityGroupRule.toCidr(
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
    void applyTo(SecurityGroupRule rule) {
        withDetails(rule.redefine(key.etherType(), key.protocol(), key.remoteCidr(), remoteGroup.orElse(null)));
    }

    private SecurityGroupRule withDetails(SecurityGroupRule rule) {
        return rule.withPorts(key.startPort(), key.endPort())
                .withIcmp(key.icmpType(), key.icmpCode())
                .withDescription(description.orElse(null));
    }
}
