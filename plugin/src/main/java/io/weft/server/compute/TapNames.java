package io.weft.server.compute;

import java.util.UUID;

/**
 * The tap device name of a NIC: {@code tap} and the first 11 hex digits of its uuid, 14 characters,
 * inside Linux's 15-character limit. Derived, never stored alone, so that server and agent agree.
 */
public final class TapNames {
    private TapNames() {}

    public static String of(UUID nicId) {
        return "tap" + nicId.toString().replace("-", "").substring(0, 11);
    }
}
