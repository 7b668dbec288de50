package io.weft.testsupport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** One user's CloudStack API keys. */
public record ApiKeys(String apiKey, String secretKey) {
    public ApiKeys {
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(secretKey, "secretKey is null");
    }

    /**
     * The root admin's keys from the {@code admin.credentials} file the server writes at its first
     * start (a properties file with {@code apiKey} and {@code secretKey}).
     */
    public static ApiKeys fromCredentialsFile(Path credentialsFile) {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(credentialsFile)) {
            credentials.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiKeys(
                requireNonNull(credentials.getProperty("apiKey"), "no apiKey in " + credentialsFile),
                requireNonNull(credentials.getProperty("secretKey"), "no secretKey in " + credentialsFile));
    }
}
