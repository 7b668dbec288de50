package io.weft.spec.host;

/** Packet and byte counters of one NIC's port on the integration bridge. */
public record PortCounters(long rxPackets, long txPackets, long rxBytes, long txBytes) {}
