package io.weft.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.compile.HostCompiler;
import io.weft.rules.compile.WeftNames;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpFamily;
import io.weft.rules.render.IpsetRestoreRenderer;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.render.OpenFlowBundleRenderer;
import io.weft.rules.render.OvsVsctlCommands;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.DesiredEntries;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.testing.RandomModels;
import io.weft.rules.testing.TestingHost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HostStatePropertyTest {
    @Provide
    Arbitrary<HostModel> hosts() {
        return RandomModels.hosts();
    }

    @Property(tries = 200)
    void compilingTwiceGivesIdenticalBytes(@ForAll("hosts") HostModel model) {
        HostDesiredState first = HostCompiler.compile(model);
        HostDesiredState second = HostCompiler.compile(model);
        assertThat(second).isEqualTo(first);
        assertThat(second.hash()).isEqualTo(first.hash());
        for (IpFamily family : IpFamily.values()) {
            assertThat(IptablesRestoreRenderer.renderFull(family, second, 0))
                    .isEqualTo(IptablesRestoreRenderer.renderFull(family, first, 0));
        }
        assertThat(IpsetRestoreRenderer.renderSwap(second)).isEqualTo(IpsetRestoreRenderer.renderSwap(first));
        assertThat(OpenFlowBundleRenderer.renderReplaceAll(second))
                .isEqualTo(OpenFlowBundleRenderer.renderReplaceAll(first));
    }

    @Property(tries = 200)
    void namesStayWithinKernelLimitsAndNeverCollide(@ForAll("hosts") HostModel model) {
        HostDesiredState state = HostCompiler.compile(model);
        Set<String> seen = new HashSet<>();
        for (IpFamily family : IpFamily.values()) {
            seen.clear();
            for (ChainEntry chain : state.chains(family.token())) {
                assertThat(chain.name()).hasSizeLessThanOrEqualTo(WeftNames.MAX_CHAIN_NAME);
                assertThat(seen.add(chain.name())).isTrue();
            }
        }
        seen.clear();
        for (IpSetEntry set : state.ipSets()) {
            assertThat(set.name()).hasSizeLessThanOrEqualTo(WeftNames.MAX_IPSET_NAME);
            assertThat(WeftNames.temporarySet(set.name())).hasSizeLessThanOrEqualTo(WeftNames.MAX_IPSET_NAME);
            assertThat(seen.add(set.name())).isTrue();
            assertThat(seen.add(WeftNames.temporarySet(set.name()))).isTrue();
        }
        seen.clear();
        for (NicPortEntry port : state.nicPorts()) {
            for (String device : List.of(port.tapDevice(), port.linuxBridge(), port.bridgeVeth(), port.ovsVeth())) {
                assertThat(device).hasSizeLessThanOrEqualTo(WeftNames.MAX_DEVICE_NAME);
                assertThat(seen.add(device)).as("device %s is unique", device).isTrue();
            }
        }
    }

    @Property(tries = 200)
    void entriesRoundTripAndHashIgnoresConstructionOrder(@ForAll("hosts") HostModel model, @ForAll long seed) {
        HostDesiredState state = HostCompiler.compile(model);
        assertThat(HostDesiredState.fromEntries(state.entries())).isEqualTo(state);
        List<DesiredEntry> shuffled = new ArrayList<>(state.entries().values());
        Collections.shuffle(shuffled, new Random(seed));
        HostDesiredState rebuilt = HostDesiredState.of(shuffled);
        assertThat(rebuilt).isEqualTo(state);
        assertThat(rebuilt.hash()).isEqualTo(state.hash()).hasSize(64);
    }

    @Property(tries = 100)
    void everyEntryRebuildsFromItsKindAndCanonicalFields(@ForAll("hosts") HostModel model) {
        for (DesiredEntry entry : HostCompiler.compile(model).entries().values()) {
            assertThat(DesiredEntries.fromCanonicalFields(entry.kind(), entry.canonicalFields()))
                    .isEqualTo(entry);
        }
    }

    @Property(tries = 200)
    void diffOfAStateWithItselfIsEmpty(@ForAll("hosts") HostModel model) {
        HostDesiredState state = HostCompiler.compile(model);
        assertThat(StateDiff.diff(state, state)).isEmpty();
    }

    @Property(tries = 200)
    void applyingTheDiffTurnsOneStateIntoTheOther(@ForAll("hosts") HostModel from, @ForAll("hosts") HostModel to) {
        HostDesiredState a = HostCompiler.compile(from);
        HostDesiredState b = HostCompiler.compile(to);
        List<Operation> operations = StateDiff.diff(a, b);
        assertThat(StateDiff.apply(operations, a)).isEqualTo(b);
        assertThat(operations).extracting(Operation::key).doesNotHaveDuplicates();
        assertThat(operations).isSortedAccordingTo((x, y) -> x.phase().compareTo(y.phase()));
    }

    @Property(tries = 200)
    void stepwiseAndSquashedDiffsReachTheSameState(
            @ForAll("hosts") HostModel first, @ForAll("hosts") HostModel second, @ForAll("hosts") HostModel third) {
        HostDesiredState a = HostCompiler.compile(first);
        HostDesiredState b = HostCompiler.compile(second);
        HostDesiredState c = HostCompiler.compile(third);
        HostDesiredState stepwise = StateDiff.apply(StateDiff.diff(b, c), StateDiff.apply(StateDiff.diff(a, b), a));
        HostDesiredState squashed = StateDiff.apply(StateDiff.diff(a, c), a);
        assertThat(stepwise).isEqualTo(squashed).isEqualTo(c);
        assertThat(stepwise.hash()).isEqualTo(c.hash());
    }

    @Property(tries = 150)
    void renderedFullStateReadsBackIdentically(@ForAll("hosts") HostModel model) {
        HostDesiredState state = HostCompiler.compile(model);
        TestingHost host = new TestingHost(model.bridge().integrationBridge());
        host.ipset.restoreExist(IpsetRestoreRenderer.renderSwap(state));
        OvsVsctlCommands.renderFull(state, model.bridge().integrationBridge()).forEach(host.ovsdb::run);
        host.ipv4.restoreNoFlush(IptablesRestoreRenderer.renderFull(IpFamily.IPV4, state, 0));
        host.ipv6.restoreNoFlush(IptablesRestoreRenderer.renderFull(IpFamily.IPV6, state, 0));
        host.flows.bundle(OpenFlowBundleRenderer.renderReplaceAll(state));

        assertThat(host.readBack()).isEqualTo(state);
        assertThat(host.readIptables(IpFamily.IPV4).topChainJumps()).isEqualTo(1);
        // Applying the whole state again is a no-op on the read-back and keeps one jump.
        host.ipset.restoreExist(IpsetRestoreRenderer.renderSwap(state));
        host.ipv4.restoreNoFlush(IptablesRestoreRenderer.renderFull(
                IpFamily.IPV4, state, host.readIptables(IpFamily.IPV4).topChainJumps()));
        assertThat(host.readBack()).isEqualTo(state);
        assertThat(host.ipv4.rules("FORWARD")).containsExactly("-j weft-FORWARD", "-i eth0 -j ACCEPT");
    }

    @Property(tries = 150)
    void renderedDiffTakesTheHostFromOneStateToTheOther(
            @ForAll("hosts") HostModel from, @ForAll("hosts") HostModel to) {
        HostDesiredState a = HostCompiler.compile(from);
        HostDesiredState b = HostCompiler.compile(to);
        TestingHost host = new TestingHost("br-weft");
        host.apply(StateDiff.diff(host.readBack(), a), a);
        assertThat(host.readBack()).isEqualTo(a);

        host.apply(StateDiff.diff(host.readBack(), b), b);
        assertThat(host.readBack()).isEqualTo(b);
        assertThat(StateDiff.diff(host.readBack(), b)).isEmpty();
        assertThat(host.ipv6.rules("FORWARD")).containsOnlyOnce("-j weft-FORWARD");

        host.apply(StateDiff.diff(host.readBack(), HostDesiredState.empty()), HostDesiredState.empty());
        assertThat(host.readBack()).isEqualTo(HostDesiredState.empty());
        assertThat(host.ipv4.rules("FORWARD")).containsExactly("-i eth0 -j ACCEPT");
        assertThat(host.ipv4.rules("host-chain")).hasSize(1);
    }
}
