package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the first start sets up the root admin.
 *
 * @param dataDirectory where {@code admin.credentials} is written when the keys are generated
 * @param adminApiKey the admin's API key, taken instead of a generated one when given (with the secret)
 * @param adminSecretKey the admin's secret key; given exactly when the API key is
 */
public record BootstrapConfig(Path dataDirectory, Optional<String> adminApiKey, Optional<String> adminSecretKey) {
    public BootstrapConfig {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(adminApiKey, "adminApiKey is null");
        requireNonNull(adminSecretKey, "adminSecretKey is null");
        if (adminApiKey.isPresent() != adminSecretKey.isPresent()) {
            throw new IllegalArgumentException("the admin API key and secret key must be given together");
        }
        if (adminApiKey.map(String::isBlank).orElse(false)
                || adminSecretKey.map(String::isBlank).orElse(false)) {
            throw new IllegalArgumentException("the admin API key and secret key may not be blank");
        }
    }

    public static BootstrapConfig generated(Path dataDirectory) {
        return new BootstrapConfig(dataDirectory, Optional.empty(), Optional.empty());
    }

    public Path credentialsFile() {
        return dataDirectory.resolve("admin.credentials");
    }

    @Override
    public String toString() {
        return "BootstrapConfig[dataDirectory=" + dataDirectory + ", adminKeysConfigured=" + adminApiKey.isPresent()
                + "]";
    }

    /** The {@code bootstrap.*} keys; the credentials file is written under {@code dataDir}. */
    public static BootstrapConfig from(ConfigSource source, Path dataDir) {
        try {
            return new BootstrapConfig(
                    dataDir, source.value("bootstrap.adminApiKey"), source.value("bootstrap.adminSecretKey"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bootstrap: " + e.getMessage(), e);
        }
    }
}
