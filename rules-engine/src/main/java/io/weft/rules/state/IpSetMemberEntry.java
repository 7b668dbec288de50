package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One member of an ipset, in the form {@code ipset save} prints (host routes without a prefix). */
public record IpSetMemberEntry(String set, String member) implements DesiredEntry {
    public static final String KIND = "ipset-member";

    public IpSetMemberEntry {
        requireNonNull(set, "set is null");
        requireNonNull(member, "member is null");
    }

    @Override
    public String key() {
        return IpSetEntry.memberKeyPrefix(set) + member;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> canonicalFields() {
        return List.of(set, member);
    }
}
