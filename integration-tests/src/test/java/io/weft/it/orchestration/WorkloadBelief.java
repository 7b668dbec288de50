package io.weft.it.orchestration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * What the chaos workload believes exists, built only from the answers the server committed, and
 * what it believes it deleted. At quiescence the APIs must show exactly this.
 */
final class WorkloadBelief {
    /** A CloudStack security group rule and the group it belongs to. */
    record CsRule(String groupId, boolean egress) {}

    /** A CloudStack VM: where it runs and its NIC. */
    record Vm(String hostId, String networkId, String nicId, String ip) {}

    /** An EC2 network interface: its groups and the VM it is attached to, if any. */
    record Eni(String ip, Set<String> groups, Optional<String> vmId, Optional<String> attachmentId) {
        Eni attachedTo(String vm, String attachment) {
            return new Eni(ip, groups, Optional.of(vm), Optional.of(attachment));
        }

        Eni detached() {
            return new Eni(ip, groups, Optional.empty(), Optional.empty());
        }

        Eni withGroups(Set<String> newGroups) {
            return new Eni(ip, Set.copyOf(newGroups), vmId, attachmentId);
        }
    }

    /** One tag: on which resource (an API's id), which key. */
    record TagKey(String resourceId, String key) {}

    final Map<String, String> csNetworks = new LinkedHashMap<>();
    final Set<String> deletedCsNetworks = new HashSet<>();
    final Map<String, String> csGroups = new LinkedHashMap<>();
    final Set<String> deletedCsGroups = new HashSet<>();
    final Map<String, CsRule> csRules = new LinkedHashMap<>();
    final Set<String> revokedCsRules = new HashSet<>();
    final Map<String, Vm> vms = new LinkedHashMap<>();
    final Set<String> destroyedVms = new HashSet<>();
    final Set<String> deletedNicUuids = new HashSet<>();

    final Set<String> subnets = new HashSet<>();
    final Map<String, String> ec2Groups = new LinkedHashMap<>();
    final Set<String> deletedEc2Groups = new HashSet<>();
    final Map<String, String> ec2Rules = new LinkedHashMap<>();
    final Set<String> revokedEc2Rules = new HashSet<>();
    final Map<String, Eni> enis = new LinkedHashMap<>();
    final Set<String> deletedEnis = new HashSet<>();

    final Map<TagKey, String> csTags = new LinkedHashMap<>();
    final Set<TagKey> deletedCsTags = new HashSet<>();
    final Map<TagKey, String> ec2Tags = new LinkedHashMap<>();
    final Set<TagKey> deletedEc2Tags = new HashSet<>();

    /** ENIs attached to {@code vmId}. */
    List<String> enisOf(String vmId) {
        List<String> attached = new ArrayList<>();
        enis.forEach((id, eni) -> {
            if (eni.vmId().equals(Optional.of(vmId))) {
                attached.add(id);
            }
        });
        return attached;
    }

    /** A CloudStack group deleted: its rules and tags went with it. */
    void csGroupDeleted(String group) {
        csGroups.remove(group);
        deletedCsGroups.add(group);
        forget(csRules, rule -> rule.groupId().equals(group), revokedCsRules);
        dropTagsOf(group);
    }

    /** An EC2 group deleted: its rules and tags went with it. */
    void ec2GroupDeleted(String group) {
        ec2Groups.remove(group);
        deletedEc2Groups.add(group);
        forget(ec2Rules, owner -> owner.equals(group), revokedEc2Rules);
        dropTagsOf(group);
    }

    private static <V> void forget(Map<String, V> rules, Predicate<V> ofGroup, Set<String> gone) {
        rules.entrySet().removeIf(rule -> {
            boolean goes = ofGroup.test(rule.getValue());
            if (goes) {
                gone.add(rule.getKey());
            }
            return goes;
        });
    }

    /** Forgets the tags of a resource that is gone; they went with it. */
    void dropTagsOf(String resourceId) {
        csTags.keySet().removeIf(tag -> tag.resourceId().equals(resourceId));
        ec2Tags.keySet().removeIf(tag -> tag.resourceId().equals(resourceId));
    }

    static <T> Optional<T> any(java.util.Collection<T> items, SplittableRandom random) {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(items).get(random.nextInt(items.size())));
    }
}
