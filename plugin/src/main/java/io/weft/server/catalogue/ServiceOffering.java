package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A size a VM is deployed with: CPUs, their speed, memory, and the rate its NICs may send at. */
@Entity
@Table(name = "service_offerings")
public class ServiceOffering extends CatalogueEntry {
    @Column(name = "cpu_number", nullable = false, updatable = false)
    private int cpuNumber;

    @Column(name = "cpu_speed", nullable = false, updatable = false)
    private int cpuSpeed;

    @Column(name = "memory", nullable = false, updatable = false)
    private int memory;

    @Column(name = "network_rate", updatable = false)
    private Integer networkRate;

    @Column(name = "is_default", nullable = false, updatable = false)
    private boolean isDefault;

    protected ServiceOffering() {}

    public ServiceOffering(UUID uuid, OfferingSpec spec, Instant created) {
        super(uuid, requireNonNull(spec, "spec is null").name(), spec.displayText(), created);
        this.cpuNumber = spec.cpuNumber();
        this.cpuSpeed = spec.cpuSpeed();
        this.memory = spec.memory();
        this.networkRate = spec.networkRate().orElse(null);
    }

    public int getCpuNumber() {
        return cpuNumber;
    }

    public int getCpuSpeed() {
        return cpuSpeed;
    }

    public int getMemory() {
        return memory;
    }

    /** Megabits per second, or null for no limit. */
    public Integer getNetworkRate() {
        return networkRate;
    }

    /** Whether the offering is one of those every server starts with. */
    public boolean isDefault() {
        return isDefault;
    }
}
