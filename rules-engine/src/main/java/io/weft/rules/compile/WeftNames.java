package io.weft.rules.compile;

import io.weft.rules.model.IpFamily;
import io.weft.rules.model.SegmentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of everything we create on a host. Each is a fixed prefix plus a short id hashed from the
 * owning object's UUID, so it is stable across runs and hosts and fits the kernel limits: iptables
 * chains 28 characters, ipsets 31, network devices 15. The {@code weft-} prefix on chains and sets
 * is how read-back tells ours from the host's.
 */
public final class WeftNames {
    public static final int MAX_CHAIN_NAME = 28;
    public static final int MAX_IPSET_NAME = 31;
    public static final int MAX_DEVICE_NAME = 15;

    /** Prefix of every chain and ipset we own. */
    public static final String OWNED_PREFIX = "weft-";
    /** Our top-level chain; the host's FORWARD chain holds exactly one jump to it. */
    public static final String TOP_CHAIN = "weft-FORWARD";
    /** The built-in chain that jumps to {@link #TOP_CHAIN}. */
    public static final String HOST_CHAIN = "FORWARD";

    /** 12 hex digits = 48 bits: a collision among a host's few thousand objects is ~1e-8 likely. */
    static final int SHORT_ID_LENGTH = 12;

    private static final String GROUP_SET_PREFIX = "weft-g";
    private static final String TEMPORARY_SET_PREFIX = "weft-t";

    private WeftNames() {}

    /** Traffic towards the VM. */
    public static String ingressChain(String nicId) {
        return "weft-i-" + shortId(nicId);
    }

    /** Traffic from the VM. */
    public static String egressChain(String nicId) {
        return "weft-o-" + shortId(nicId);
    }

    /** Source MAC/IP checks on traffic from the VM. */
    public static String spoofChain(String nicId) {
        return "weft-s-" + shortId(nicId);
    }

    /** The set of a referenced group's member addresses of one family, shared by all local NICs. */
    public static String groupSet(String groupId, IpFamily family) {
        return GROUP_SET_PREFIX + (family == IpFamily.IPV4 ? "4-" : "6-") + shortId(groupId);
    }

    /** The set filled and swapped in when a group set is rebuilt whole. */
    public static String temporarySet(String setName) {
        if (!setName.startsWith(GROUP_SET_PREFIX)) {
            throw new IllegalArgumentException("not a Weft group set: " + setName);
        }
        return TEMPORARY_SET_PREFIX + setName.substring(GROUP_SET_PREFIX.length());
    }

    public static String linuxBridge(String nicId) {
        return "wbr" + shortId(nicId);
    }

    /** The veth end plugged into the per-NIC Linux bridge. */
    public static String bridgeVeth(String nicId) {
        return "wvb" + shortId(nicId);
    }

    /** The veth end plugged into the integration bridge; also the OVS port name. */
    public static String ovsVeth(String nicId) {
        return "wvo" + shortId(nicId);
    }

    public static String tunnelPort(SegmentType type) {
        if (!type.isTunnel()) {
            throw new IllegalArgumentException(type + " has no tunnel port");
        }
        return "weft-" + type.token();
    }

    public static boolean isOwned(String chainOrSetName) {
        return chainOrSetName.startsWith(OWNED_PREFIX);
    }

    static String shortId(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, SHORT_ID_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
