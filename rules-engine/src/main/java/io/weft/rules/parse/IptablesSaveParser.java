package io.weft.rules.parse;

import io.weft.rules.compile.IptablesProtocolNames;
import io.weft.rules.compile.WeftNames;
import io.weft.rules.model.IpFamily;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.state.ChainEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code iptables-save} / {@code ip6tables-save} output back into our chains. Only the filter
 * table's chains with our prefix are kept; everything else the host holds is ignored. The
 * protocol word is normalised, since its spelling depends on the host's /etc/protocols.
 */
public final class IptablesSaveParser {
    private static final String FILTER_TABLE = "*filter";

    private IptablesSaveParser() {}

    public static IptablesReadback parse(String saveOutput, IpFamily family) {
        Map<String, List<String>> rulesByChain = new LinkedHashMap<>();
        int topChainJumps = 0;
        boolean inFilter = false;
        for (String rawLine : saveOutput.split("\n", -1)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("*")) {
                inFilter = line.equals(FILTER_TABLE);
            } else if (!inFilter || line.equals("COMMIT")) {
                continue;
            } else if (line.startsWith(":")) {
                String chain = line.substring(1, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
                if (WeftNames.isOwned(chain)) {
                    rulesByChain.putIfAbsent(chain, new ArrayList<>());
                }
            } else if (line.startsWith("-A ")) {
                int chainEnd = line.indexOf(' ', 3);
                String chain = chainEnd < 0 ? line.substring(3) : line.substring(3, chainEnd);
                String rule = chainEnd < 0 ? "" : canonicalRule(line.substring(chainEnd + 1));
                if (WeftNames.isOwned(chain)) {
                    rulesByChain
                            .computeIfAbsent(chain, name -> new ArrayList<>())
                            .add(rule);
                } else if (chain.equals(WeftNames.HOST_CHAIN) && rule.equals(IptablesRestoreRenderer.TOP_CHAIN_JUMP)) {
                    topChainJumps++;
                }
            }
        }
        List<ChainEntry> chains = new ArrayList<>();
        rulesByChain.forEach((chain, rules) -> chains.add(new ChainEntry(family.token(), chain, rules)));
        return new IptablesReadback(family, chains, topChainJumps);
    }

    private static String canonicalRule(String rule) {
        String[] tokens = rule.split(" ");
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (tokens[i].equals("-p")) {
                tokens[i + 1] = IptablesProtocolNames.canonical(tokens[i + 1]);
            }
        }
        return String.join(" ", tokens);
    }
}
