package io.weft.server.api.cloudstack;

import io.weft.server.error.ErrorCode;

/**
 * The wire values of an {@link ErrorCode} (API-COMPAT §1.4): {@code errorcode}, which is also the
 * HTTP status, and CloudStack's exception class number {@code cserrorcode}.
 */
public record CloudStackError(int errorCode, int csErrorCode) {
    /** ServerApiException: CloudStack's code for errors that have no more specific exception. */
    static final int SERVER_API_EXCEPTION = 9999;

    public static CloudStackError of(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> new CloudStackError(401, SERVER_API_EXCEPTION);
            case UNKNOWN_COMMAND -> new CloudStackError(432, SERVER_API_EXCEPTION);
            case MISSING_PARAMETER, INVALID_PARAMETER, NOT_FOUND, DUPLICATE -> new CloudStackError(431, 4350);
            case PERMISSION_DENIED -> new CloudStackError(531, 4365);
            case LIMIT_EXCEEDED -> new CloudStackError(532, SERVER_API_EXCEPTION);
            case CAPACITY_EXHAUSTED -> new CloudStackError(533, SERVER_API_EXCEPTION);
            case UNAVAILABLE -> new CloudStackError(534, 4380);
            case IN_USE -> new CloudStackError(536, 4375);
            case RULE_CONFLICT -> new CloudStackError(537, 4360);
            case CONCURRENT_MODIFICATION, INTERNAL -> new CloudStackError(530, 4250);
        };
    }
}
