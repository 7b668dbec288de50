package io.weft.server.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets Weft must be able to read back (API secrets, agent credentials) before they
 * reach the database: AES-256-GCM with a fresh 96-bit nonce per value. A sealed value is
 * {@code v1:<base64url(nonce | ciphertext | tag)>}; the prefix leaves room for a new key or
 * algorithm without a flag day, and is also authenticated, so a value cannot be replayed under
 * another version.
 */
public final class SecretCipher {
    private static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;
    private final SecureRandom random;

    public SecretCipher(byte[] key, SecureRandom random) {
        requireNonNull(key, "key is null");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes but was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = requireNonNull(random, "random is null");
    }

    /**
     * Reads the key from {@code keyFile}, creating the file with a new random key (owner read/write
     * only) on first start.
     */
    public static SecretCipher loadOrCreate(Path keyFile) {
        requireNonNull(keyFile, "keyFile is null");
        SecureRandom random = new SecureRandom();
        try {
            if (!Files.exists(keyFile)) {
                createKeyFile(keyFile, random);
            }
            byte[] key =
                    Base64.getDecoder().decode(Files.readString(keyFile, UTF_8).strip());
            return new SecretCipher(key, random);
        } catch (IOException | IllegalArgumentException e) {
            throw new WeftException(ErrorCode.INTERNAL, "cannot load the secret key from " + keyFile, e);
        }
    }

    private static void createKeyFile(Path keyFile, SecureRandom random) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        Path directory = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Written whole under a temporary name, then moved: a crash never leaves a half key behind.
        Path temporary = Files.createTempFile(directory, ".secret", ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", UTF_8);
            Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; use theirs.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes a file readable by its owner only, where the file system knows POSIX permissions. */
    public static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    public String encrypt(String plain) {
        requireNonNull(plain, "plain is null");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(VERSION.getBytes(UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new WeftException(ErrorCode.INTERNAL, "cannot encrypt a secret", e);
        }
    }

    public String decrypt(String sealedValue) {
        requireNonNull(sealedValue, "sealedValue is null");
        if (!sealedValue.startsWith(PREFIX)) {
            throw new WeftException(ErrorCode.INTERNAL, "unknown secret format");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealedValue.substring(PREFIX.length()));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new WeftException(ErrorCode.INTERNAL, "truncated secret");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(VERSION.getBytes(UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Wrong key (data dir replaced) or a tampered value; say which without leaking anything.
            throw new WeftException(ErrorCode.INTERNAL, "cannot decrypt a secret: wrong key or tampered value", e);
        }
    }
}
