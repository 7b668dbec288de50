package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.ApiCredentials;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Resolves the caller of a SigV4-signed request: the access key is a Weft user's API key, the
 * secret that user's secret key (API-COMPAT §3.2).
 */
final class Ec2Authenticator {
    private final ApiKeyDirectory directory;
    private final Clock clock;

    @Inject
    Ec2Authenticator(ApiKeyDirectory directory, Clock clock) {
        this.directory = requireNonNull(directory, "directory is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    Caller authenticate(Ec2WireRequest request) {
        String header = request.header("authorization")
                .orElseThrow(
                        () -> new Ec2Failure("MissingAuthenticationToken", "Request is missing Authentication Token"));
        SigV4Authorization authorization = SigV4Authorization.parse(header);
        Instant signedAt = SigV4Verifier.checkTime(request, authorization, clock);
        ApiCredentials credentials = directory
                .findByApiKey(authorization.accessKey())
                .orElseThrow(() ->
                        new Ec2Failure("AuthFailure", "AWS was not able to validate the provided access credentials"));
        String expected = SigV4Verifier.expectedSignature(request, authorization, credentials.secretKey(), signedAt);
        if (!SigV4Verifier.matches(expected, authorization.signature())) {
            throw new Ec2Failure(
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided."
                            + " Check your AWS Secret Access Key and signing method.");
        }
        return credentials.caller();
    }
}
