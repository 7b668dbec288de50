package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person or program acting for an account. The API secret is stored sealed by {@link
 * io.weft.server.persistence.SecretCipher}, because request signatures need it in plain; the password
 * only as a one-way hash.
 */
@Entity
@Table(name = "users")
public class User extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    // The account's domain, repeated so that the database can keep user names unique per domain.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id", nullable = false, updatable = false)
    private Domain domain;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "email")
    private String email;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "api_key", length = 128)
    private String apiKey;

    @Column(name = "secret_key", length = 512)
    private String encryptedSecretKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private TenancyState state;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected User() {}

    public User(UUID uuid, Account account, String username, String passwordHash, Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.domain = account.getDomain();
        this.username = requireNonNull(username, "username is null");
        this.passwordHash = requireNonNull(passwordHash, "passwordHash is null");
        this.created = requireNonNull(created, "created is null");
        this.state = TenancyState.ENABLED;
    }

    public Account getAccount() {
        return account;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = requireNonNull(username, "username is null");
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = requireNonNull(passwordHash, "passwordHash is null");
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setContact(String email, String firstName, String lastName) {
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    /** The API key, or null if none was registered. */
    public String getApiKey() {
        return apiKey;
    }

    /** The sealed API secret, or null if no key was registered. */
    public String getEncryptedSecretKey() {
        return encryptedSecretKey;
    }

    public void setKeys(String apiKey, String encryptedSecretKey) {
        this.apiKey = requireNonNull(apiKey, "apiKey is null");
        this.encryptedSecretKey = requireNonNull(encryptedSecretKey, "encryptedSecretKey is null");
    }

    public TenancyState getState() {
        return state;
    }

    public void setState(TenancyState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
