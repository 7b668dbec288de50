package io.weft.rules.model;

/**
 * What a group allows outbound when its rules say nothing, so that both API models are explicit
 * data instead of special cases in the renderer.
 */
public enum EgressDefault {
    /** EC2: only the egress rules listed (a new EC2 group carries an explicit allow-all rule). */
    EXPLICIT_RULES_ONLY,
    /** CloudStack: all egress is allowed until the group has its first egress rule. */
    ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE
}
