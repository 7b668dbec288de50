package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.Network;
import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A secondary private IPv4 address of a NIC (EC2 AssignPrivateIpAddresses). It carries the NIC's
 * network too, so that one address is unique within a network.
 */
@Entity(name = "NicSecondaryAddress")
@Table(name = "nic_secondary_addresses")
public class SecondaryAddressEntity extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "nic_id", nullable = false, updatable = false)
    private Nic nic;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "network_id", nullable = false, updatable = false)
    private Network network;

    @Column(name = "ip_address", nullable = false, updatable = false, length = 64)
    private String ipAddress;

    protected SecondaryAddressEntity() {}

    public SecondaryAddressEntity(UUID uuid, Nic nic, String ipAddress) {
        super(uuid);
        this.nic = requireNonNull(nic, "nic is null");
        this.network = nic.getNetwork();
        this.ipAddress = requireNonNull(ipAddress, "ipAddress is null");
    }

    public Nic getNic() {
        return nic;
    }

    public String getIpAddress() {
        return ipAddress;
    }
}
