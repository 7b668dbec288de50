package io.weft.server.error;

/**
 * Every failure Weft reports to a caller. The API edges map a code to their own wire values
 * (CloudStack {@code errorcode}/{@code cserrorcode}, EC2 {@code Code} and HTTP status); services
 * only ever pick a code.
 */
public enum ErrorCode {
    /** No or bad credentials, or a signature that does not verify. */
    UNAUTHENTICATED,
    /** The caller is known but may not see or change the resource. */
    PERMISSION_DENIED,
    /** The API does not know the command or action. */
    UNKNOWN_COMMAND,
    /** A required parameter is absent. */
    MISSING_PARAMETER,
    /** A parameter is present but not valid (format, range, combination). */
    INVALID_PARAMETER,
    /** The named entity does not exist, or the caller may not know that it does. */
    NOT_FOUND,
    /** An entity with the same unique name or content already exists. */
    DUPLICATE,
    /** The entity is still used by others and cannot be deleted or changed. */
    IN_USE,
    /** A quota or a configured limit would be exceeded. */
    LIMIT_EXCEEDED,
    /** A pool (segment ids, addresses, MACs) has nothing left. */
    CAPACITY_EXHAUSTED,
    /** A network rule contradicts another one. */
    RULE_CONFLICT,
    /** A concurrent update won; the caller may retry. */
    CONCURRENT_MODIFICATION,
    /** A dependency (database, broker, host) is not reachable right now. */
    UNAVAILABLE,
    /** A bug or an unexpected failure inside Weft. */
    INTERNAL
}
