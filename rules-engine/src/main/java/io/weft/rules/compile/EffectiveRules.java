package io.weft.rules.compile;

import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.SecurityGroupRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a group's API semantics into the explicit rules the renderer needs. CloudStack's "allow all
 * egress until the first egress rule" becomes two allow-all egress rules here, so the chains never
 * special-case it.
 */
public final class EffectiveRules {
    private EffectiveRules() {}

    public static List<SecurityGroupRule> of(SecurityGroup group) {
        boolean hasEgressRule = group.rules().stream().anyMatch(rule -> rule.direction() == Direction.EGRESS);
        if (group.egressDefault() == EgressDefault.EXPLICIT_RULES_ONLY || hasEgressRule) {
            return group.rules();
        }
        List<SecurityGroupRule> rules = new ArrayList<>(group.rules());
        rules.add(SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV4));
        rules.add(SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV6));
        return List.copyOf(rules);
    }
}
