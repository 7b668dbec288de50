package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}
 * header (API-COMPAT §3.2).
 */
record SigV4Authorization(
        String accessKey, String date, String region, String service, List<String> signedHeaders, String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    SigV4Authorization {
        requireNonNull(accessKey, "accessKey is null");
        requireNonNull(date, "date is null");
        requireNonNull(region, "region is null");
        requireNonNull(service, "service is null");
        signedHeaders = List.copyOf(signedHeaders);
        requireNonNull(signature, "signature is null");
    }

    /** Parses the header, or fails with {@code IncompleteSignature} naming what is missing. */
    static SigV4Authorization parse(String header) {
        String text = header.strip();
        if (!text.startsWith(ALGORITHM + " ")) {
            throw incomplete("Authorization header must use " + ALGORITHM);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : text.substring(ALGORITHM.length()).split(",")) {
            String field = part.strip();
            int equals = field.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String value = field.substring(equals + 1).strip();
            switch (field.substring(0, equals).strip()) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                    // ignore parts we do not know, as AWS does
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
        }
        String[] scope = credential.split("/");
        // Every part of the scope keys the signature (an empty one cannot even make an HMAC key).
        if (scope.length != 5
                || !scope[4].equals("aws4_request")
                || Arrays.stream(scope).anyMatch(String::isEmpty)
                || !scope[1].matches("[0-9]{8}")) {
            throw incomplete("Credential must be <access key>/<yyyymmdd>/<region>/<service>/aws4_request");
        }
        List<String> headers = List.of(signedHeaders.split(";"));
        if (headers.stream().anyMatch(String::isEmpty)) {
            throw incomplete("SignedHeaders is malformed");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature);
    }

    private static Ec2Failure incomplete(String message) {
        return new Ec2Failure("IncompleteSignature", message);
    }
}
