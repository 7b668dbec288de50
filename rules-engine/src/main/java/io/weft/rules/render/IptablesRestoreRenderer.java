package io.weft.rules.render;

import io.weft.rules.compile.WeftNames;
import io.weft.rules.diff.Operation;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.HostDesiredState;
import java.util.List;

/**
 * Input for {@code iptables-restore --noflush} (or {@code ip6tables-restore --noflush}) that
 * replaces only our chains, atomically, in one transaction of the filter table.
 *
 * <p>In --noflush mode a {@code :chain - [0:0]} line creates the chain or flushes just that chain,
 * so each chain we write is declared and then filled; each chain we drop is declared (flushed)
 * and deleted with {@code -X} after every reference to it is rewritten. The one rule we add to the
 * host's FORWARD chain cannot be made idempotent inside a restore ({@code -D} of a missing rule
 * aborts the whole transaction), so the caller passes how many copies it read back and we insert
 * or delete to leave exactly one.
 */
public final class IptablesRestoreRenderer {
    public static final String TOP_CHAIN_JUMP = "-j " + WeftNames.TOP_CHAIN;

    private IptablesRestoreRenderer() {}

    /**
     * Writes the chain operations of {@code family} from a diff towards {@code desired}, and leaves
     * exactly one FORWARD jump if {@code desired} has our top chain, none otherwise. Returns the empty string when there
     * is nothing to do, so the caller can skip running the tool.
     */
    public static String render(
            IpFamily family, List<Operation> operations, HostDesiredState desired, int topChainJumpsPresent) {
        boolean topChainWanted = desired.entries().containsKey(ChainEntry.keyOf(family.token(), WeftNames.TOP_CHAIN));
        StringBuilder declarations = new StringBuilder();
        StringBuilder rules = new StringBuilder();
        StringBuilder deletions = new StringBuilder();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert && upsert.entry() instanceof ChainEntry chain) {
                if (!chain.family().equals(family.token())) {
                    continue;
                }
                declare(declarations, chain.name());
                for (String rule : chain.rules()) {
                    rules.append("-A ")
                            .append(chain.name())
                            .append(' ')
                            .append(rule)
                            .append('\n');
                }
            } else if (operation instanceof Operation.Remove remove && remove.previous() instanceof ChainEntry chain) {
                if (!chain.family().equals(family.token())) {
                    continue;
                }
                declare(declarations, chain.name());
                deletions.append("-X ").append(chain.name()).append('\n');
            }
        }
        StringBuilder hostChain = new StringBuilder();
        int wanted = topChainWanted ? 1 : 0;
        for (int extra = topChainJumpsPresent; extra > wanted; extra--) {
            hostChain
                    .append("-D ")
                    .append(WeftNames.HOST_CHAIN)
                    .append(' ')
                    .append(TOP_CHAIN_JUMP)
                    .append('\n');
        }
        if (wanted == 1 && topChainJumpsPresent == 0) {
            hostChain
                    .append("-I ")
                    .append(WeftNames.HOST_CHAIN)
                    .append(" 1 ")
                    .append(TOP_CHAIN_JUMP)
                    .append('\n');
        }
        if (declarations.length() == 0 && hostChain.length() == 0) {
            return "";
        }
        // The jump is removed before the top chain is deleted and added after it is filled.
        boolean removingTopChain = !topChainWanted && topChainJumpsPresent > 0;
        StringBuilder script = new StringBuilder(declarations.length() + rules.length() + deletions.length() + 64);
        script.append("*filter\n").append(declarations).append(rules);
        if (removingTopChain) {
            script.append(hostChain).append(deletions);
        } else {
            script.append(deletions).append(hostChain);
        }
        return script.append("COMMIT\n").toString();
    }

    /** Writes every chain of {@code family} in {@code desired}, given the jumps read back from FORWARD. */
    public static String renderFull(IpFamily family, HostDesiredState desired, int topChainJumpsPresent) {
        List<Operation> upserts = desired.chains(family.token()).stream()
                .map(chain -> (Operation) new Operation.Upsert(chain))
                .toList();
        return render(family, upserts, desired, topChainJumpsPresent);
    }

    private static void declare(StringBuilder declarations, String chain) {
        declarations.append(':').append(chain).append(" - [0:0]\n");
    }
}
