package io.weft.rules.model;

/** Ingress is traffic towards the VM's NIC; egress is traffic the VM sends. */
public enum Direction {
    INGRESS,
    EGRESS
}
