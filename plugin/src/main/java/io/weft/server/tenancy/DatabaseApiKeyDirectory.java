package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.SecretCipher;
import jakarta.inject.Inject;
import java.util.Optional;
import org.hibernate.SessionFactory;

/**
 * Finds API credentials in the database, decrypting the secret on the way out. Users, accounts and
 * domains that are not enabled authenticate nobody.
 */
public final class DatabaseApiKeyDirectory implements ApiKeyDirectory {
    private final SessionFactory sessions;
    private final TenancyStore store;
    private final SecretCipher cipher;

    @Inject
    public DatabaseApiKeyDirectory(SessionFactory sessions, TenancyStore store, SecretCipher cipher) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
    }

    @Override
    public Optional<ApiCredentials> findByApiKey(String apiKey) {
        requireNonNull(apiKey, "apiKey is null");
        return sessions.fromTransaction(session -> store.findUserByApiKey(session, apiKey)
                .filter(DatabaseApiKeyDirectory::isEnabled)
                .map(user -> new ApiCredentials(
                        user.getApiKey(), cipher.decrypt(user.getEncryptedSecretKey()), callerOf(user))));
    }

    private static boolean isEnabled(User user) {
        Account account = user.getAccount();
        return user.getState() == TenancyState.ENABLED
                && account.getState() == TenancyState.ENABLED
                && account.getDomain().getState() == TenancyState.ENABLED;
    }

    static Caller callerOf(User user) {
        Account account = user.getAccount();
        Domain domain = account.getDomain();
        return new Caller(user.getUuid(), account.getUuid(), domain.getUuid(), domain.getPath(), account.getRole());
    }
}
