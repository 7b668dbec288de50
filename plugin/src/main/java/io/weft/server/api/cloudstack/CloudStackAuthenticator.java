package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.ApiCredentials;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the caller of a signed request (API-COMPAT §1.2): the {@code apiKey} names a user, the
 * {@code signature} must be that user's, and with {@code signatureVersion=3} the request must not
 * have expired. Every failure looks the same to the client; the reason is logged.
 */
public final class CloudStackAuthenticator {
    public static final String FAILURE_TEXT = "unable to verify user credentials and/or request signature";

    private static final Logger log = LoggerFactory.getLogger(CloudStackAuthenticator.class);
    private static final List<DateTimeFormatter> EXPIRES_FORMATS =
            List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"));

    private final ApiKeyDirectory directory;
    private final ApiConfig config;
    private final Clock clock;

    @Inject
    public CloudStackAuthenticator(ApiKeyDirectory directory, ApiConfig config, Clock clock) {
        this.directory = requireNonNull(directory, "directory is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Caller authenticate(CloudStackRequest request) {
        String apiKey = request.parameter("apiKey").orElseThrow(() -> reject("no apiKey"));
        String signature = request.parameter("signature").orElseThrow(() -> reject("no signature"));
        checkExpiry(request);
        ApiCredentials credentials =
                directory.findByApiKey(apiKey).orElseThrow(() -> reject("unknown apiKey " + apiKey));
        if (!CloudStackSignature.verify(request.parameters(), credentials.secretKey(), signature)) {
            throw reject("signature mismatch for apiKey " + apiKey);
        }
        return credentials.caller();
    }

    private void checkExpiry(CloudStackRequest request) {
        Optional<String> version = request.parameter("signatureVersion");
        boolean v3 = version.filter("3"::equals).isPresent();
        if (config.enforcePostRequestsAndTimestamps() && !v3) {
            throw reject("signatureVersion=3 is enforced");
        }
        if (!v3) {
            return; // jclouds sends neither signatureVersion nor expires
        }
        String expiresText = request.parameter("expires").orElseThrow(() -> reject("v3 without expires"));
        Instant expires = parseExpires(expiresText).orElseThrow(() -> reject("unparsable expires " + expiresText));
        Instant now = clock.instant();
        if (expires.isBefore(now)) {
            throw reject("expired at " + expires);
        }
        if (config.enforcePostRequestsAndTimestamps() && expires.isAfter(now.plus(config.expiresWindow()))) {
            throw reject("expires " + expires + " is further ahead than " + config.expiresWindow());
        }
    }

    /**
     * ISO offset ({@code Z}, {@code +00:00}) or {@code yyyy-MM-dd'T'HH:mm:ssZ} ({@code +0000}); a {@code
     * +} sent unencoded arrives as a space and is put back.
     */
    static Optional<Instant> parseExpires(String text) {
        for (DateTimeFormatter format : EXPIRES_FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip().replace(" ", "+"), format)
                        .toInstant());
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static WeftException reject(String reason) {
        log.debug("CloudStack API authentication failed: {}", reason);
        return new WeftException(ErrorCode.UNAUTHENTICATED, FAILURE_TEXT);
    }
}
