package io.weft.server.network.model;

/** The IP version a security group rule matches. */
public enum EtherType {
    IPV4,
    IPV6
}
