package io.weft.rules.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

public record SecurityGroup(String groupId, EgressDefault egressDefault, List<SecurityGroupRule> rules) {
    public SecurityGroup {
        requireNonNull(groupId, "groupId is null");
        requireNonNull(egressDefault, "egressDefault is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (groupId.isBlank()) {
            throw new InvalidModelException("security group id is blank");
        }
    }
}
