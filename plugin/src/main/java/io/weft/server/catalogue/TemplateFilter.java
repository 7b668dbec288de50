package io.weft.server.catalogue;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import java.util.Locale;

/**
 * CloudStack's {@code templatefilter} values, as it reads them. Weft has no template permissions to
 * share a private template with another account, so {@code sharedexecutable} is always empty; and
 * every template is ready, so {@code selfexecutable} is {@code self}.
 */
public enum TemplateFilter {
    /** Public templates the operator marked featured. */
    FEATURED,
    /** Templates of the caller's own account. */
    SELF,
    /** Templates of the caller's own account that can be deployed (all of them). */
    SELFEXECUTABLE,
    /** Templates other accounts shared with the caller's: none in Weft. */
    SHAREDEXECUTABLE,
    /** Every template the caller may deploy: its own, those of accounts it administers, and public ones. */
    EXECUTABLE,
    /** Public templates that are not featured. */
    COMMUNITY,
    /** Every template the caller may see; administrators only. */
    ALL;

    /** Parses the wire value, ignoring case; an unknown value is INVALID_PARAMETER. */
    public static TemplateFilter parse(String value) {
        for (TemplateFilter filter : values()) {
            if (filter.name().equalsIgnoreCase(value.strip())) {
                return filter;
            }
        }
        throw WeftException.invalid("templatefilter must be one of featured, self, selfexecutable, sharedexecutable,"
                + " executable, community or all, not " + value.toLowerCase(Locale.ROOT));
    }

    /** Fails unless {@code caller} may use this filter: {@code all} is for administrators. */
    void requireAllowed(Caller caller) {
        if (this == ALL && caller.role() == Role.USER) {
            throw new WeftException(ErrorCode.INVALID_PARAMETER, "Filter all can be specified by admin only");
        }
    }

    /**
     * Whether the filter lists a template. {@code ownedByCaller}: it belongs to the caller's account;
     * {@code ownerVisible}: the caller may see its owner's resources (false for the system's).
     */
    boolean admits(boolean ownedByCaller, boolean ownerVisible, boolean isPublic, boolean isFeatured) {
        return switch (this) {
            case FEATURED -> isPublic && isFeatured;
            case SELF, SELFEXECUTABLE -> ownedByCaller;
            case SHAREDEXECUTABLE -> false;
            case EXECUTABLE, ALL -> ownedByCaller || ownerVisible || isPublic;
            case COMMUNITY -> isPublic && !isFeatured;
        };
    }
}
