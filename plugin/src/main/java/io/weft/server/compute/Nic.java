package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import io.weft.server.network.Network;
import io.weft.server.persistence.PersistentEntity;
import io.weft.server.tenancy.Account;
import io.weft.server.topology.Host;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A VM's network interface (or an EC2 network interface not yet attached). The host binding decides
 * which agents get its ports and rules; MAC and addresses are unique (MAC globally, IPs per network).
 */
@Entity
@Table(name = "nics")
public class Nic extends PersistentEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "network_id", nullable = false, updatable = false)
    private Network network;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "vm_id")
    private VirtualMachine vm;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "host_id")
    private Host host;

    @Column(name = "mac_address", nullable = false, updatable = false, length = 17)
    private String macAddress;

    @Column(name = "ipv4_address", length = 64)
    private String ipv4Address;

    @Column(name = "ipv6_address", length = 64)
    private String ipv6Address;

    @Column(name = "port_security_enabled", nullable = false)
    private boolean portSecurityEnabled;

    @Column(name = "source_dest_check", nullable = false)
    private boolean sourceDestCheck;

    @Column(name = "tap_name", length = 15)
    private String tapName;

    @Column(name = "device_index")
    private Integer deviceIndex;

    @Column(name = "is_default", nullable = false)
    private boolean defaultNic;

    @Column(name = "description")
    private String description;

    // EC2's ClientToken and a hash of the parameters of the create that used it; both null without one.
    @Column(name = "client_token", length = 64)
    private String clientToken;

    @Column(name = "client_request_hash", length = 64)
    private String clientRequestHash;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Nic() {}

    public Nic(UUID uuid, Account account, Network network, String macAddress, Instant created) {
        super(uuid);
        this.account = requireNonNull(account, "account is null");
        this.network = requireNonNull(network, "network is null");
        this.macAddress = requireNonNull(macAddress, "macAddress is null");
        this.created = requireNonNull(created, "created is null");
        this.portSecurityEnabled = true;
        this.sourceDestCheck = true;
    }

    public Account getAccount() {
        return account;
    }

    public Network getNetwork() {
        return network;
    }

    /** The VM, or null while detached. */
    public VirtualMachine getVm() {
        return vm;
    }

    /** The host the port is bound to, or null while unbound. */
    public Host getHost() {
        return host;
    }

    /** Attaches the NIC to {@code vm} as device {@code deviceIndex}, bound on {@code host} with tap {@code tapName}. */
    public void attach(VirtualMachine vm, Integer deviceIndex, Host host, String tapName) {
        this.vm = vm;
        this.deviceIndex = deviceIndex;
        this.host = host;
        this.tapName = tapName;
    }

    /** Binds the port to {@code host} (null: unbound), keeping the VM and device index. */
    public void bindTo(Host host) {
        this.host = host;
    }

    public void detach() {
        attach(null, null, null, null);
    }

    public String getMacAddress() {
        return macAddress;
    }

    public String getIpv4Address() {
        return ipv4Address;
    }

    public void setIpv4Address(String ipv4Address) {
        this.ipv4Address = ipv4Address;
    }

    public String getIpv6Address() {
        return ipv6Address;
    }

    public void setIpv6Address(String ipv6Address) {
        this.ipv6Address = ipv6Address;
    }

    public boolean isPortSecurityEnabled() {
        return portSecurityEnabled;
    }

    public void setPortSecurityEnabled(boolean portSecurityEnabled) {
        this.portSecurityEnabled = portSecurityEnabled;
    }

    /** Whether anti-spoofing applies (EC2's SourceDestCheck); security groups apply either way. */
    public boolean isSourceDestCheck() {
        return sourceDestCheck;
    }

    public void setSourceDestCheck(boolean sourceDestCheck) {
        this.sourceDestCheck = sourceDestCheck;
    }

    public String getTapName() {
        return tapName;
    }

    public Integer getDeviceIndex() {
        return deviceIndex;
    }

    public boolean isDefaultNic() {
        return defaultNic;
    }

    public void setDefaultNic(boolean defaultNic) {
        this.defaultNic = defaultNic;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Records the client token the NIC is created with and the hash of that request's parameters. */
    public void setClientToken(String clientToken, String clientRequestHash) {
        this.clientToken = requireNonNull(clientToken, "clientToken is null");
        this.clientRequestHash = requireNonNull(clientRequestHash, "clientRequestHash is null");
    }

    /** The client token the NIC was created with, or null. */
    public String getClientToken() {
        return clientToken;
    }

    /** The hash of the parameters of the create that used the client token, or null. */
    public String getClientRequestHash() {
        return clientRequestHash;
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
