package io.weft.server.dispatch;

import java.util.UUID;

/** The tap device name a NIC gets when the compute side did not choose one: stable, 14 characters. */
public final class TapNames {
    private TapNames() {}

    public static String forNic(UUID nicId) {
        return "tap" + nicId.toString().replace("-", "").substring(0, 11);
    }
}
