package io.weft.rules.model;

/** A security group rule, or one of its parts (port range, ICMP type, CIDR, protocol), is not valid. */
public class InvalidRuleException extends IllegalArgumentException {
    public InvalidRuleException(String message) {
        super(message);
    }
}
