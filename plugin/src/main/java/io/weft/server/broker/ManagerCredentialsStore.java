package io.weft.server.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The manager's broker credentials: the configured password, or for an embedded broker one made
 * up on first start and kept next to the journal, so that the journal and its password stay
 * together and no default password ever exists.
 */
public final class ManagerCredentialsStore {
    static final String FILE_NAME = "manager.password";

    private ManagerCredentialsStore() {}

    public static BrokerCredentials resolve(BrokerConfig config) {
        String password = config.managerPassword()
                .orElseGet(() -> readOrCreate(config.journalDir().resolve(FILE_NAME)));
        return new BrokerCredentials(config.managerUser(), password);
    }

    static String readOrCreate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.writeString(Files.createFile(file, ownerOnly(file)), password + "\n");
                } catch (FileAlreadyExistsException e) {
                    // another process got there first; use its password
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the broker manager password in " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new FileAttribute<?>[0];
    }
}
