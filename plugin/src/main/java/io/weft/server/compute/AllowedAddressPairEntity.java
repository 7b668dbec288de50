package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** An extra source a NIC may send from with port security on: an IP or CIDR, optionally with a MAC. */
@Entity(name = "AllowedAddressPair")
@Table(name = "nic_allowed_address_pairs")
public class AllowedAddressPairEntity extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "nic_id", nullable = false, updatable = false)
    private Nic nic;

    @Column(name = "ip_address", nullable = false, updatable = false, length = 64)
    private String ipAddress;

    @Column(name = "mac_address", updatable = false, length = 17)
    private String macAddress;

    protected AllowedAddressPairEntity() {}

    public AllowedAddressPairEntity(UUID uuid, Nic nic, String ipAddress, String macAddress) {
        super(uuid);
        this.nic = requireNonNull(nic, "nic is null");
        this.ipAddress = requireNonNull(ipAddress, "ipAddress is null");
        this.macAddress = macAddress;
    }

    public Nic getNic() {
        return nic;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    /** The MAC, or null for the NIC's own. */
    public String getMacAddress() {
        return macAddress;
    }
}
