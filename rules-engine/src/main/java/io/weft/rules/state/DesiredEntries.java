package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The inverse of {@link DesiredEntry#canonicalFields()}: rebuilds an entry from its kind and its
 * fields in canonical order, as they travel in host messages and in the agent's state file.
 */
public final class DesiredEntries {
    private DesiredEntries() {}

    public static DesiredEntry fromCanonicalFields(String kind, List<String> fields) {
        requireNonNull(kind, "kind is null");
        requireNonNull(fields, "fields is null");
        return switch (kind) {
            case BridgeEntry.KIND -> {
                expect(kind, fields, 2);
                yield new BridgeEntry(fields.get(0), fields.get(1));
            }
            case ChainEntry.KIND -> {
                if (fields.size() < 2) {
                    throw new IllegalArgumentException("a chain needs at least 2 fields, got " + fields.size());
                }
                yield new ChainEntry(fields.get(0), fields.get(1), fields.subList(2, fields.size()));
            }
            case FlowEntry.KIND -> {
                expect(kind, fields, 4);
                yield new FlowEntry(
                        parseInt(kind, fields.get(0)), parseInt(kind, fields.get(1)), fields.get(2), fields.get(3));
            }
            case IpSetEntry.KIND -> {
                expect(kind, fields, 3);
                yield new IpSetEntry(fields.get(0), fields.get(1), fields.get(2));
            }
            case IpSetMemberEntry.KIND -> {
                expect(kind, fields, 2);
                yield new IpSetMemberEntry(fields.get(0), fields.get(1));
            }
            case NicPortEntry.KIND -> {
                expect(kind, fields, 5);
                yield new NicPortEntry(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4));
            }
            case TunnelEntry.KIND -> {
                expect(kind, fields, 3);
                yield new TunnelEntry(fields.get(0), fields.get(1), fields.get(2));
            }
            case UplinkEntry.KIND -> {
                expect(kind, fields, 1);
                yield new UplinkEntry(fields.get(0));
            }
            default -> throw new IllegalArgumentException("unknown entry kind '" + kind + "'");
        };
    }

    private static void expect(String kind, List<String> fields, int count) {
        if (fields.size() != count) {
            throw new IllegalArgumentException(
                    "a " + kind + " entry has " + count + " fields, got " + fields.size() + ": " + fields);
        }
    }

    private static int parseInt(String kind, String field) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a " + kind + " entry has a non-numeric field '" + field + "'", e);
        }
    }
}
