package io.weft.server.network.model;

/** Which traffic a security group rule admits, seen from the NIC. */
public enum RuleDirection {
    INGRESS,
    EGRESS
}
