package io.weft.server.securitygroup;

/** Which traffic a security group rule admits, seen from the NIC. */
public enum RuleDirection {
    INGRESS,
    EGRESS
}
