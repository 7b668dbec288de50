package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.PersistentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A hypervisor with a Weft agent. Besides where it is, it holds what convergence needs: the
 * generation the server last sent, the one the agent acknowledged with the hash of its desired state,
 * and the agent's last error and heartbeat. The agent secret is stored encrypted.
 */
@Entity
@Table(name = "hosts")
public class Host extends PersistentEntity implements InZone {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "zone_id", nullable = false, updatable = false)
    private Zone zone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pod_id", updatable = false)
    private Pod pod;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cluster_id", updatable = false)
    private Cluster cluster;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "tunnel_address", nullable = false, length = 64)
    private String tunnelAddress;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "hypervisor_type", nullable = false, length = 32)
    private HypervisorType hypervisorType;

    @Column(name = "agent_user", nullable = false, updatable = false, length = 64)
    private String agentUser;

    @Column(name = "agent_secret", nullable = false, length = 512)
    private String encryptedAgentSecret;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "resource_state", nullable = false, length = 16)
    private AllocationState resourceState;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private HostState state;

    @Column(name = "desired_generation", nullable = false)
    private long desiredGeneration;

    @Column(name = "applied_generation", nullable = false)
    private long appliedGeneration;

    @Column(name = "applied_hash", length = 128)
    private String appliedHash;

    @Column(name = "last_error", length = 2048)
    private String lastError;

    @Column(name = "last_heartbeat")
    private Instant lastHeartbeat;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Host() {}

    public Host(
            UUID uuid,
            Zone zone,
            Pod pod,
            Cluster cluster,
            String name,
            String tunnelAddress,
            HypervisorType hypervisorType,
            String agentUser,
            String encryptedAgentSecret,
            Instant created) {
        super(uuid);
        this.zone = requireNonNull(zone, "zone is null");
        this.pod = pod;
        this.cluster = cluster;
        this.name = requireNonNull(name, "name is null");
        this.tunnelAddress = requireNonNull(tunnelAddress, "tunnelAddress is null");
        this.hypervisorType = requireNonNull(hypervisorType, "hypervisorType is null");
        this.agentUser = requireNonNull(agentUser, "agentUser is null");
        this.encryptedAgentSecret = requireNonNull(encryptedAgentSecret, "encryptedAgentSecret is null");
        this.created = requireNonNull(created, "created is null");
        this.resourceState = AllocationState.ENABLED;
        this.state = HostState.CONNECTING;
    }

    public Zone getZone() {
        return zone;
    }

    /** The pod, or null. */
    public Pod getPod() {
        return pod;
    }

    /** The cluster, or null. */
    public Cluster getCluster() {
        return cluster;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public String getTunnelAddress() {
        return tunnelAddress;
    }

    public void setTunnelAddress(String tunnelAddress) {
        this.tunnelAddress = requireNonNull(tunnelAddress, "tunnelAddress is null");
    }

    public HypervisorType getHypervisorType() {
        return hypervisorType;
    }

    public String getAgentUser() {
        return agentUser;
    }

    /** The agent secret as sealed by {@link io.weft.server.persistence.SecretCipher}. */
    public String getEncryptedAgentSecret() {
        return encryptedAgentSecret;
    }

    public void setEncryptedAgentSecret(String encryptedAgentSecret) {
        this.encryptedAgentSecret = requireNonNull(encryptedAgentSecret, "encryptedAgentSecret is null");
    }

    public AllocationState getResourceState() {
        return resourceState;
    }

    public void setResourceState(AllocationState resourceState) {
        this.resourceState = requireNonNull(resourceState, "resourceState is null");
    }

    public HostState getState() {
        return state;
    }

    public void setState(HostState state) {
        this.state = requireNonNull(state, "state is null");
    }

    public long getDesiredGeneration() {
        return desiredGeneration;
    }

    public void setDesiredGeneration(long desiredGeneration) {
        this.desiredGeneration = desiredGeneration;
    }

    public long getAppliedGeneration() {
        return appliedGeneration;
    }

    public String getAppliedHash() {
        return appliedHash;
    }

    /** Records an agent's acknowledgement of {@code generation}; {@code error} is null on success. */
    public void recordApplied(long generation, String hash, String error) {
        this.appliedGeneration = generation;
        this.appliedHash = hash;
        this.lastError = error;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastHeartbeat() {
        return lastHeartbeat;
    }

    public void setLastHeartbeat(Instant lastHeartbeat) {
        this.lastHeartbeat = lastHeartbeat;
    }

    public Instant getCreated() {
        return created;
    }

    public long getVersion() {
        return version;
    }
}
