package io.weft.rules.compile;

import io.weft.rules.model.SecurityGroupRule;
import java.util.HashMap;
import java.util.Map;

/** Rule text is the same for every NIC a group applies to, so each rule is written once per compile. */
final class RuleSpecCache {
    private final Map<SecurityGroupRule, String> specs = new HashMap<>();

    String accept(SecurityGroupRule rule) {
        return specs.computeIfAbsent(rule, RuleSpecs::accept);
    }
}
