package io.weft.rules.parse;

import io.weft.rules.compile.WeftNames;
import io.weft.rules.model.Cidr;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ipset save} output back into set and member entries, for our sets only. The volatile
 * header options (hashsize, bucketsize, initval, ...) are not part of our model and are dropped;
 * members are canonicalised (the kernel prints host routes without a prefix, as we write them).
 */
public final class IpsetSaveParser {
    private IpsetSaveParser() {}

    public static List<DesiredEntry> parse(String saveOutput) {
        List<DesiredEntry> entries = new ArrayList<>();
        for (String rawLine : saveOutput.split("\n", -1)) {
            String[] tokens = rawLine.strip().split("\\s+");
            if (tokens.length < 3 || !WeftNames.isOwned(tokens[1])) {
                continue;
            }
            if (tokens[0].equals("create")) {
                entries.add(new IpSetEntry(tokens[1], tokens[2], optionValue(tokens, "family")));
            } else if (tokens[0].equals("add")) {
                entries.add(new IpSetMemberEntry(tokens[1], canonicalMember(tokens[2])));
            }
        }
        return entries;
    }

    private static String optionValue(String[] tokens, String option) {
        for (int i = 3; i + 1 < tokens.length; i++) {
            if (tokens[i].equals(option)) {
                return tokens[i + 1];
            }
        }
        return "";
    }

    private static String canonicalMember(String member) {
        try {
            return Cidr.parse(member).toIpsetMember();
        } catch (IllegalArgumentException notAnAddress) {
            return member;
        }
    }
}
