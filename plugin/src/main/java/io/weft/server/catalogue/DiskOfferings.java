package io.weft.server.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * The disk offerings CloudStack starts with. Weft keeps no volumes, so these exist only for clients
 * that look one up by name ({@code listDiskOfferings name=…}) before they deploy; they are fixed.
 */
public final class DiskOfferings {
    public static final List<DiskOffering> ALL = List.of(
            disk(1, "Small", "Small Disk, 5 GB", 5, false),
            disk(2, "Medium", "Medium Disk, 20 GB", 20, false),
            disk(3, "Large", "Large Disk, 100 GB", 100, false),
            disk(4, "Custom", "Custom Disk", 0, true));

    private DiskOfferings() {}

    private static DiskOffering disk(int number, String name, String displayText, long sizeGb, boolean customized) {
        return new DiskOffering(
                new UUID(0x0c5e7a4000004000L, 0x8000000000000000L | number), name, displayText, sizeGb, customized);
    }
}
