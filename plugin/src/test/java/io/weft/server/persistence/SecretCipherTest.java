package io.weft.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    @TempDir
    Path dataDirectory;

    @Test
    void sealedValuesOpenWithTheSameKeyAndDifferEveryTime() {
        SecretCipher cipher = SecretCipher.loadOrCreate(dataDirectory.resolve("secret.key"));
        String first = cipher.encrypt("hunter2");
        String second = cipher.encrypt("hunter2");
        assertThat(first).startsWith("v1:").doesNotContain("hunter2").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("hunter2");
        assertThat(cipher.decrypt(second)).isEqualTo("hunter2");
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path keyFile = dataDirectory.resolve("nested/secret.key");
        String sealed = SecretCipher.loadOrCreate(keyFile).encrypt("agent-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(SecretCipher.loadOrCreate(keyFile).decrypt(sealed)).isEqualTo("agent-secret");
    }

    @Test
    void aTamperedValueOrAnotherKeyIsRejected() {
        SecretCipher cipher = SecretCipher.loadOrCreate(dataDirectory.resolve("a.key"));
        SecretCipher other = SecretCipher.loadOrCreate(dataDirectory.resolve("b.key"));
        String sealed = cipher.encrypt("secret");
        // Flip a bit of the tag itself: editing the last base64 character may only touch the
        // unused low bits of an unpadded encoding, which decode to the same bytes.
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring("v1:".length()));
        raw[raw.length - 1] ^= 0x01;
        String tampered = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        for (String bad : new String[] {tampered, "v2:" + sealed.substring(3), "plain"}) {
            assertThatThrownBy(() -> cipher.decrypt(bad))
                    .isInstanceOfSatisfying(
                            WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
        }
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(WeftException.class);
    }
}
