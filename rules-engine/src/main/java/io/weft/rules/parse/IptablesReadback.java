package io.weft.rules.parse;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.IpFamily;
import io.weft.rules.state.ChainEntry;
import java.util.List;

/** Our chains of one family as read back, and how many copies of our jump the host's FORWARD holds. */
public record IptablesReadback(IpFamily family, List<ChainEntry> chains, int topChainJumps) {
    public IptablesReadback {
        requireNonNull(family, "family is null");
        chains = List.copyOf(requireNonNull(chains, "chains is null"));
    }
}
