package io.weft.server.persistence;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Binds the {@link SecretCipher} whose key lives in {@code <dataDirectory>/secret.key}. */
public final class SecretCipherModule extends AbstractModule {
    private final Path dataDirectory;

    public SecretCipherModule(Path dataDirectory) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
    }

    @Provides
    @Singleton
    SecretCipher secretCipher() {
        // Loading (or creating) the key is deferred to first use, so installing the module is free.
        return SecretCipher.loadOrCreate(dataDirectory.resolve("secret.key"));
    }
}
