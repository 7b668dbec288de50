package io.weft.rules.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.weft.rules.compile.WeftNames;
import io.weft.rules.model.InvalidRuleException;
import io.weft.rules.model.IpFamily;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the parsers that read the host tools' output back. The host's output
 * is not ours to trust (another tool may have written rules, a newer tool version may print
 * differently), so each parser must either return entries or refuse with an
 * {@link IllegalArgumentException} that says what is wrong, never an unchecked exception of the JDK
 * (a {@link NumberFormatException}, an index out of bounds, a class cast) that would stop the
 * agent's read-back with a stack trace instead of a reason.
 *
 * <p>A plain build replays the inputs under {@code DataplaneParsersFuzzTestInputs/<method>/} in the
 * test resources; {@code JAZZER_FUZZ=1} fuzzes (see docs/reliability.md, "Fuzzing").
 */
class DataplaneParsersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void iptablesSave(byte[] input) {
        String save = text(input);
        IptablesReadback first = refusedOnlyAsDocumented(() -> IptablesSaveParser.parse(save, IpFamily.IPV4));
        if (first == null) {
            return;
        }
        // What we read, printed again as iptables-save would, reads back the same.
        assertThat(IptablesSaveParser.parse(asSaveOutput(first), IpFamily.IPV4)).isEqualTo(first);
    }

    @FuzzTest(maxDuration = "60s")
    void ipsetSave(byte[] input) {
        String save = text(input);
        List<DesiredEntry> first = refusedOnlyAsDocumented(() -> IpsetSaveParser.parse(save));
        if (first == null) {
            return;
        }
        assertThat(IpsetSaveParser.parse(asIpsetSave(first))).isEqualTo(first);
    }

    @FuzzTest(maxDuration = "60s")
    void dumpFlows(byte[] input) {
        String dump = text(input);
        List<FlowEntry> flows = refusedOnlyAsDocumented(() -> DumpFlowsParser.parse(dump));
        if (flows == null) {
            return;
        }
        for (FlowEntry flow : flows) {
            // Quotes ovs-ofctl adds around port names are never part of what we compare.
            assertThat(flow.match()).doesNotContain("\"");
            assertThat(flow.actions()).doesNotContain("\"");
        }
    }

    /** The two listings are separated by the first NUL byte of the input. */
    @FuzzTest(maxDuration = "60s")
    void ovsdb(byte[] input) {
        String both = text(input);
        int split = both.indexOf('\0');
        String bridges = split < 0 ? both : both.substring(0, split);
        String interfaces = split < 0 ? "{\"data\":[],\"headings\":[]}" : both.substring(split + 1);
        List<DesiredEntry> entries = refusedOnlyAsDocumented(() -> OvsdbParser.parse(bridges, interfaces));
        if (entries != null) {
            assertThat(entries).doesNotContainNull();
        }
    }

    private static String asSaveOutput(IptablesReadback readback) {
        StringBuilder save = new StringBuilder("*filter\n");
        for (ChainEntry chain : readback.chains()) {
            save.append(':').append(chain.name()).append(" - [0:0]\n");
        }
        for (ChainEntry chain : readback.chains()) {
            for (String rule : chain.rules()) {
                save.append("-A ").append(chain.name()).append(' ').append(rule).append('\n');
            }
        }
        for (int i = 0; i < readback.topChainJumps(); i++) {
            save.append("-A ")
                    .append(WeftNames.HOST_CHAIN)
                    .append(' ')
                    .append(IptablesRestoreRenderer.TOP_CHAIN_JUMP)
                    .append('\n');
        }
        return save.append("COMMIT\n").toString();
    }

    private static String asIpsetSave(List<DesiredEntry> entries) {
        StringBuilder save = new StringBuilder();
        for (DesiredEntry entry : entries) {
            if (entry instanceof IpSetEntry set) {
                save.append("create ").append(set.name()).append(' ').append(set.type());
                if (!set.family().isEmpty()) {
                    save.append(" family ").append(set.family());
                }
            } else if (entry instanceof IpSetMemberEntry member) {
                save.append("add ").append(member.set()).append(' ').append(member.member());
            }
            save.append('\n');
        }
        return save.toString();
    }

    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /**
     * Runs a parse that may refuse its input: the value, or null after a documented refusal. The
     * JDK's own subclasses of IllegalArgumentException (NumberFormatException,
     * PatternSyntaxException, ...) are not a refusal but a leak, and fail the test.
     */
    static <T> T refusedOnlyAsDocumented(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException refused) {
            if (refused.getClass() != IllegalArgumentException.class && !(refused instanceof InvalidRuleException)) {
                throw refused;
            }
            assertThat(refused.getMessage()).isNotBlank();
            return null;
        }
    }
}
