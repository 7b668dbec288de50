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

    /** Who signed a request, and for which region and service. */
    record SignedCaller(Caller caller, String region, String service) {
        SignedCaller {
            requireNonNull(caller, "caller is null");
            requireNonNull(region, "region is null");
            requireNonNull(service, "service is null");
        }
    }

    Caller authenticate(Ec2WireRequest request) {
        return signedCaller(request).caller();
    }

    SignedCaller signedCaller(Ec2WireRequest request) {
        String header = request.header("authorization")
                .orElseThrow(
                        () -> new Ec2Failure("MissingAuthenticationToken", "Request is missing Authentication Token"));
        SigV4Authorization authorization = SigV4Authorization.parse(header);
        if (!SigV4Verifier.SERVICES.contains(authorization.service())) {
            throw new Ec2Failure(
                    "SignatureDoesNotMatch",
                    "Credential should be scoped to correct service: 'ec2' (or 'sts'), not '" + authorization.service()
                            + "'");
        }
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
        return new SignedCaller(credentials.caller(), authorization.region(), authorization.service());
    }
}
