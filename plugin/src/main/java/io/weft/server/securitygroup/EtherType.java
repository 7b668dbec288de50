package io.weft.server.securitygroup;

/** The IP version a security group rule matches. */
public enum EtherType {
    IPV4,
    IPV6
}
