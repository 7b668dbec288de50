package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.SecurityGroupRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A security group's rules as the rules-engine takes them. */
public record FleetGroup(String groupId, EgressDefault egressDefault, List<SecurityGroupRule> rules) {
    public FleetGroup {
        requireNonNull(groupId, "groupId is null");
        requireNonNull(egressDefault, "egressDefault is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    /** The groups this group's rules name as their remote side. */
    public Set<String> referencedGroups() {
        Set<String> referenced = new TreeSet<>();
        for (SecurityGroupRule rule : rules) {
            if (rule.remote() instanceof RemoteSide.RemoteGroup remote) {
                referenced.add(remote.groupId());
            }
        }
        return referenced;
    }

    public SecurityGroup toModel() {
        return new SecurityGroup(groupId, egressDefault, rules);
    }
}
