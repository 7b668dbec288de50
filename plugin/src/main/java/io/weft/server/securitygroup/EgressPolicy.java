package io.weft.server.securitygroup;

/**
 * What a group's egress rules mean, which differs by API. Ingress is default-deny under both.
 */
public enum EgressPolicy {
    /** CloudStack: with no egress rule all egress is allowed; once one exists, only what rules allow. */
    CLOUDSTACK,
    /** EC2: only what rules allow; a new group gets an allow-all egress rule that the tenant may revoke. */
    EC2
}
