package io.weft.server.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The OS types Weft knows, with ids that never change: templates store them, and clients
 * (Terraform's {@code listOsTypes description=…}) look them up by description. Weft runs no guest, so
 * the list is fixed rather than operator-managed. The migration's default template names
 * {@link #UBUNTU_22_04}.
 */
public final class OsTypes {
    public static final UUID UBUNTU_22_04 = id(0x12);
    public static final UUID OTHER_LINUX_64 = id(0x30);

    public static final List<OsType> ALL = List.of(
            os(0x01, "CentOS 7", "CentOS"),
            os(0x02, "CentOS 8", "CentOS"),
            os(0x03, "Rocky Linux 8", "CentOS"),
            os(0x04, "Rocky Linux 9", "CentOS"),
            os(0x08, "Debian GNU/Linux 11 (64-bit)", "Debian"),
            os(0x09, "Debian GNU/Linux 12 (64-bit)", "Debian"),
            os(0x10, "Ubuntu 18.04 LTS", "Ubuntu"),
            os(0x11, "Ubuntu 20.04 LTS", "Ubuntu"),
            os(0x12, "Ubuntu 22.04 LTS", "Ubuntu"),
            os(0x13, "Ubuntu 24.04 LTS", "Ubuntu"),
            os(0x18, "Red Hat Enterprise Linux 8", "RedHat"),
            os(0x19, "Red Hat Enterprise Linux 9", "RedHat"),
            os(0x20, "Windows Server 2019 (64-bit)", "Windows"),
            os(0x21, "Windows Server 2022 (64-bit)", "Windows"),
            os(0x30, "Other Linux (64-bit)", "Other"),
            os(0x31, "Other (64-bit)", "Other"));

    private OsTypes() {}

    public static Optional<OsType> find(UUID id) {
        return ALL.stream().filter(type -> type.id().equals(id)).findFirst();
    }

    private static OsType os(int number, String description, String category) {
        return new OsType(id(number), description, categoryId(category), category);
    }

    private static UUID id(int number) {
        return new UUID(0x0c5e7a1000004000L, 0x8000000000000000L | number);
    }

    private static UUID categoryId(String category) {
        return UUID.nameUUIDFromBytes(("weft-os-category:" + category).getBytes(StandardCharsets.UTF_8));
    }
}
