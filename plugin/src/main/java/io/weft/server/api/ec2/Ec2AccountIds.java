package io.weft.server.api.ec2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The 12-digit AWS account ID of a Weft account: {@code ownerId}, {@code userId} and {@code
 * groupOwnerId} in EC2 answers, and {@code Account} in sts:GetCallerIdentity. Clients check its shape
 * (Terraform builds ARNs from it, Ansible compares it with owners), so a UUID will not do. It is
 * derived from the account's UUID, so it is the same on every call and after restarts; it is never
 * resolved back, since no EC2 request Weft serves names an account by it.
 */
final class Ec2AccountIds {
    private static final long TWELVE_DIGITS = 1_000_000_000_000L;

    private Ec2AccountIds() {}

    static String of(UUID accountId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(accountId.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        return String.format(
                "%012d", Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), TWELVE_DIGITS));
    }
}
