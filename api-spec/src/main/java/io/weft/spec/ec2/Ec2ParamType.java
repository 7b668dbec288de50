package io.weft.spec.ec2;

/** The value types of EC2 Query parameters; lists and structures are spelled out in the wire name instead. */
public enum Ec2ParamType {
    STRING,
    INTEGER,
    BOOLEAN
}
