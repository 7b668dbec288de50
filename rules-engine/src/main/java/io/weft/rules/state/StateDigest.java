package io.weft.rules.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The state hash as a sum: the SHA-256 of each entry's canonical serialization, read as a 256-bit
 * unsigned integer, added modulo 2^256 (an additive multiset hash, AdHash). Addition commutes, so
 * the order entries are visited in is moot; and changing k entries of a state moves the sum by k
 * subtractions and k additions, so a one-member DELTA does not rehash a 45,000-entry state.
 *
 * <p>Keys are unique within a state, so the multiset is a set and no two states that differ in
 * any entry sum alike except by a SHA-256 coincidence. The hash tells server and agent that they
 * hold the same state; it is not a defence against someone crafting a colliding state (that needs
 * a keyed or multiplicative hash, and the broker's authentication to get past first).
 *
 * <p>Immutable: every operation returns a new digest.
 */
final class StateDigest {
    private static final int LIMBS = 4;
    private static final StateDigest ZERO = new StateDigest(new long[LIMBS]);

    /** Little-endian 64-bit limbs: {@code limbs[0]} holds the least significant bits. */
    private final long[] limbs;

    private StateDigest(long[] limbs) {
        this.limbs = limbs;
    }

    static StateDigest zero() {
        return ZERO;
    }

    static StateDigest of(Iterable<? extends DesiredEntry> entries) {
        return ZERO.plus(entries, List.of());
    }

    /** This sum with {@code added} entries' digests added and {@code removed} ones subtracted. */
    StateDigest plus(Iterable<? extends DesiredEntry> added, Iterable<? extends DesiredEntry> removed) {
        long[] sum = limbs.clone();
        MessageDigest sha256 = sha256();
        StringBuilder canonical = new StringBuilder(256);
        long[] term = new long[LIMBS];
        for (DesiredEntry entry : added) {
            entryDigest(sha256, canonical, entry, term);
            add(sum, term);
        }
        for (DesiredEntry entry : removed) {
            entryDigest(sha256, canonical, entry, term);
            subtract(sum, term);
        }
        return new StateDigest(sum);
    }

    /** This sum with another sum added: a state's digest is its parts' digests added up. */
    StateDigest plus(StateDigest other) {
        long[] sum = limbs.clone();
        add(sum, other.limbs);
        return new StateDigest(sum);
    }

    /** This sum with another sum taken away: the exact inverse of {@link #plus(StateDigest)}. */
    StateDigest minus(StateDigest other) {
        long[] sum = limbs.clone();
        subtract(sum, other.limbs);
        return new StateDigest(sum);
    }

    /** 64 lower-case hex digits, most significant first. */
    String hex() {
        HexFormat hex = HexFormat.of();
        StringBuilder out = new StringBuilder(LIMBS * 16);
        for (int i = LIMBS - 1; i >= 0; i--) {
            out.append(hex.toHexDigits(limbs[i]));
        }
        return out.toString();
    }

    /** 32 bits of the sum, for {@link Object#hashCode()}. */
    int lowBits() {
        return (int) limbs[0];
    }

    /**
     * An entry's canonical serialization: key, kind and every field, each length-prefixed, so no
     * two different entries serialize alike.
     */
    static byte[] canonicalBytes(DesiredEntry entry) {
        return canonical(new StringBuilder(256), entry).getBytes(StandardCharsets.UTF_8);
    }

    private static String canonical(StringBuilder canonical, DesiredEntry entry) {
        canonical.setLength(0);
        appendField(canonical, entry.key());
        appendField(canonical, entry.kind());
        List<String> fields = entry.canonicalFields();
        canonical.append(fields.size()).append(';');
        for (String field : fields) {
            appendField(canonical, field);
        }
        return canonical.toString();
    }

    private static void appendField(StringBuilder canonical, String field) {
        canonical.append(field.length()).append(':').append(field).append(',');
    }

    private static void entryDigest(MessageDigest sha256, StringBuilder canonical, DesiredEntry entry, long[] into) {
        byte[] digest = sha256.digest(canonical(canonical, entry).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < LIMBS; i++) {
            long word = 0;
            for (int b = 0; b < 8; b++) {
                word = (word << 8) | (digest[i * 8 + b] & 0xffL);
            }
            into[LIMBS - 1 - i] = word; // the digest's first bytes are the most significant
        }
    }

    private static void add(long[] sum, long[] term) {
        long carry = 0;
        for (int i = 0; i < LIMBS; i++) {
            long partial = sum[i] + term[i];
            long carried = partial + carry;
            carry = (Long.compareUnsigned(partial, sum[i]) < 0 || Long.compareUnsigned(carried, partial) < 0) ? 1 : 0;
            sum[i] = carried;
        }
    }

    private static void subtract(long[] sum, long[] term) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            long partial = sum[i] - term[i];
            long borrowed = partial - borrow;
            borrow = (Long.compareUnsigned(sum[i], term[i]) < 0 || Long.compareUnsigned(partial, borrow) < 0) ? 1 : 0;
            sum[i] = borrowed;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other == this || (other instanceof StateDigest digest && Arrays.equals(limbs, digest.limbs));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(limbs);
    }
}
