package io.weft.it.hostile;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * One hostile or malformed request, and the answer the API documents for it: an HTTP status and
 * the API's own error code (CloudStack's {@code errorcode}, EC2's {@code Code}, the REST error's
 * {@code code}).
 */
record HostileCase(String name, Api api, Function<HostileFixture, Answer> request, int status, String code) {
    enum Api {
        CLOUDSTACK,
        EC2,
        REST
    }

    /** What came back: the status, the error code found in it (empty if none), and the whole body. */
    record Answer(int status, String code, String body) {
        Answer {
            requireNonNull(code, "code is null");
            requireNonNull(body, "body is null");
        }
    }

    HostileCase {
        requireNonNull(name, "name is null");
        requireNonNull(api, "api is null");
        requireNonNull(request, "request is null");
        requireNonNull(code, "code is null");
    }

    /** The same request answered with another CloudStack code (the HTTP status is the code). */
    HostileCase withCode(int cloudStackCode) {
        return new HostileCase(name, api, request, cloudStackCode, Integer.toString(cloudStackCode));
    }

    Answer send(HostileFixture fixture) {
        return request.apply(fixture);
    }

    @Override
    public String toString() {
        return api + ": " + name;
    }
}
