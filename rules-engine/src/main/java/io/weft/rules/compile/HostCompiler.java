package io.weft.rules.compile;

import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.NetworkView;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.SegmentType;
import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.MemberBlock;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.state.TunnelEntry;
import io.weft.rules.state.UplinkEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compiles one host's model into its desired state. Pure and deterministic: the output depends
 * only on the model's content, never on list order or on anything outside the model.
 */
public final class HostCompiler {
    private HostCompiler() {}

    public static HostDesiredState compile(HostModel model) {
        return compile(model, MemberBlockSource.building());
    }

    /**
     * The same state, with each referenced group's members taken from {@code blocks}: equal to
     * {@link #compile(HostModel)}, and sharing the source's blocks.
     */
    public static HostDesiredState compile(HostModel model, MemberBlockSource blocks) {
        Collector out = new Collector();
        NameRegistry names = new NameRegistry();
        List<LocalNic> nics = new ArrayList<>(model.nics());
        nics.sort(Comparator.comparing(LocalNic::nicId));

        Map<String, SecurityGroup> groupsById = new HashMap<>();
        model.groups().forEach(group -> groupsById.put(group.groupId(), group));
        Map<String, List<SecurityGroupRule>> effectiveByGroup = new HashMap<>();

        SortedMap<String, Set<IpFamily>> referencedGroups = new TreeMap<>();
        Map<String, Collection<SecurityGroupRule>> rulesByNic = new HashMap<>();
        for (LocalNic nic : nics) {
            claimNicNames(names, nic);
            // The union of the NIC's groups: duplicates across groups collapse to one rule.
            Set<SecurityGroupRule> union = new LinkedHashSet<>();
            for (String groupId : nic.securityGroupIds()) {
                union.addAll(effectiveByGroup.computeIfAbsent(groupId, id -> EffectiveRules.of(groupsById.get(id))));
            }
            for (SecurityGroupRule rule : union) {
                if (rule.remote() instanceof RemoteSide.RemoteGroup remoteGroup) {
                    referencedGroups
                            .computeIfAbsent(remoteGroup.groupId(), id -> new TreeSet<>())
                            .add(rule.etherType());
                }
            }
            rulesByNic.put(nic.nicId(), union);
        }

        referencedGroups.forEach((groupId, families) -> {
            for (IpFamily family : families) {
                String setName = names.claim(
                        WeftNames.groupSet(groupId, family),
                        WeftNames.MAX_IPSET_NAME,
                        "group " + groupId + " " + family);
                names.claim(
                        WeftNames.temporarySet(setName), WeftNames.MAX_IPSET_NAME, "group " + groupId + " " + family);
                out.add(GroupSets.definition(setName, family));
                MemberBlock block = blocks.block(
                        groupId, family, setName, model.groupMembers().get(groupId));
                if (!block.setName().equals(setName)) {
                    throw new IllegalStateException("block of set " + block.setName() + " given for set " + setName);
                }
                out.addBlock(block);
            }
        });

        RuleSpecCache specs = new RuleSpecCache();
        for (IpFamily family : IpFamily.values()) {
            ChainCompiler chains = new ChainCompiler(family);
            out.add(chains.topChain(nics));
            for (LocalNic nic : nics) {
                out.addAll(chains.nicChains(nic, rulesByNic.get(nic.nicId()), specs));
            }
        }

        out.add(new BridgeEntry(
                model.bridge().integrationBridge(), model.bridge().datapathType()));
        SortedMap<String, NetworkView> networks = new TreeMap<>();
        model.networks().forEach(network -> networks.put(network.networkId(), network));
        SortedMap<String, List<LocalNic>> nicsByNetwork = new TreeMap<>();
        for (LocalNic nic : nics) {
            nicsByNetwork
                    .computeIfAbsent(nic.networkId(), id -> new ArrayList<>())
                    .add(nic);
            out.add(new NicPortEntry(
                    nic.nicId(),
                    nic.tapDevice(),
                    WeftNames.linuxBridge(nic.nicId()),
                    WeftNames.bridgeVeth(nic.nicId()),
                    WeftNames.ovsVeth(nic.nicId())));
        }
        SortedSet<SegmentType> segmentTypes = new TreeSet<>();
        nicsByNetwork
                .keySet()
                .forEach(id -> segmentTypes.add(networks.get(id).segment().type()));
        for (SegmentType type : segmentTypes) {
            if (type.isTunnel()) {
                out.add(new TunnelEntry(
                        type.token(),
                        WeftNames.tunnelPort(type),
                        model.tunnelEndpoint().toString()));
            } else {
                out.add(new UplinkEntry(model.bridge().vlanUplink().orElseThrow()));
            }
        }
        out.addAll(new FlowCompiler(model.bridge().vlanUplink(), model.bridge().arpResponder())
                .compile(networks, nicsByNetwork));
        return out.build();
    }

    private static void claimNicNames(NameRegistry names, LocalNic nic) {
        String owner = "NIC " + nic.nicId();
        names.claim(WeftNames.ingressChain(nic.nicId()), WeftNames.MAX_CHAIN_NAME, owner);
        names.claim(WeftNames.egressChain(nic.nicId()), WeftNames.MAX_CHAIN_NAME, owner);
        names.claim(WeftNames.spoofChain(nic.nicId()), WeftNames.MAX_CHAIN_NAME, owner);
        names.claim(WeftNames.linuxBridge(nic.nicId()), WeftNames.MAX_DEVICE_NAME, owner);
        names.claim(WeftNames.bridgeVeth(nic.nicId()), WeftNames.MAX_DEVICE_NAME, owner);
        names.claim(WeftNames.ovsVeth(nic.nicId()), WeftNames.MAX_DEVICE_NAME, owner);
        names.claim(nic.tapDevice(), WeftNames.MAX_DEVICE_NAME, owner);
    }

    /** Gathers entries by key; the same entry twice is harmless, two different ones under a key are a bug. */
    private static final class Collector {
        private final TreeMap<String, DesiredEntry> entries = new TreeMap<>();
        private final List<MemberBlock> blocks = new ArrayList<>();

        void addBlock(MemberBlock block) {
            blocks.add(block);
        }

        void add(DesiredEntry entry) {
            DesiredEntry previous = entries.putIfAbsent(entry.key(), entry);
            if (previous != null && !previous.equals(entry)) {
                throw new IllegalStateException("two different entries for key " + entry.key());
            }
        }

        void addAll(Collection<? extends DesiredEntry> batch) {
            batch.forEach(this::add);
        }

        HostDesiredState build() {
            return HostDesiredState.withBlocks(entries, blocks);
        }
    }
}
