package io.weft.server.tenancy;

import java.util.Locale;

/** Whether a domain, account or user may act; CloudStack shows it in lower case. */
public enum TenancyState {
    ENABLED,
    DISABLED,
    LOCKED;

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
