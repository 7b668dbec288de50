package io.weft.server.api.cloudstack.commands;

import io.weft.server.topology.AgentCredential;
import io.weft.server.topology.ClusterView;
import io.weft.server.topology.HostView;
import io.weft.server.topology.PodAddressing;
import io.weft.server.topology.PodView;
import io.weft.server.topology.ZoneView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Zones, pods, clusters and hosts as CloudStack names their fields (API-COMPAT §2.1). */
final class TopologyResponses {
    private TopologyResponses() {}

    record ZoneResponse(
            String id,
            String name,
            String dns1,
            String dns2,
            String internaldns1,
            String internaldns2,
            String networktype,
            boolean securitygroupsenabled,
            String allocationstate,
            String guestcidraddress,
            String dhcpprovider,
            boolean localstorageenabled,
            List<Object> tags) {
        static ZoneResponse of(ZoneView zone) {
            return new ZoneResponse(
                    zone.id().toString(),
                    zone.name(),
                    zone.dns1(),
                    zone.dns2().orElse(null),
                    zone.internalDns1(),
                    zone.internalDns2().orElse(null),
                    zone.networkType().displayName(),
                    zone.securityGroupsEnabled(),
                    zone.allocationState().displayName(),
                    zone.guestCidr().orElse(null),
                    "VirtualRouter",
                    false,
                    List.of());
        }
    }

    record PodResponse(
            String id,
            String name,
            String zoneid,
            String gateway,
            String netmask,
            String startip,
            String endip,
            String allocationstate) {
        static PodResponse of(PodView pod) {
            Optional<PodAddressing> addressing = pod.addressing();
            return new PodResponse(
                    pod.id().toString(),
                    pod.name(),
                    pod.zoneId().toString(),
                    addressing.map(PodAddressing::gateway).orElse(null),
                    addressing.map(PodAddressing::netmask).orElse(null),
                    addressing.map(PodAddressing::startIp).orElse(null),
                    addressing.map(PodAddressing::endIp).orElse(null),
                    pod.allocationState().displayName());
        }
    }

    record ClusterResponse(
            String id,
            String name,
            String zoneid,
            String podid,
            String hypervisortype,
            String clustertype,
            String allocationstate,
            String managedstate) {
        static ClusterResponse of(ClusterView cluster) {
            return new ClusterResponse(
                    cluster.id().toString(),
                    cluster.name(),
                    cluster.zoneId().toString(),
                    cluster.podId().map(UUID::toString).orElse(null),
                    cluster.hypervisorType().displayName(),
                    cluster.clusterType().displayName(),
                    cluster.allocationState().displayName(),
                    cluster.managedState().displayName());
        }
    }

    /**
     * A host. {@code agentusername}/{@code agentpassword} are Weft's and only in the reply to
     * addHost: the agent's broker credential, which cannot be read back later.
     */
    record HostResponse(
            String id,
            String name,
            String type,
            String state,
            String resourcestate,
            String zoneid,
            String podid,
            String clusterid,
            String hypervisor,
            String ipaddress,
            long desiredgeneration,
            long appliedgeneration,
            Instant lastpinged,
            String lasterror,
            String agentusername,
            String agentpassword) {
        static HostResponse of(HostView host) {
            return of(host, Optional.empty());
        }

        static HostResponse of(HostView host, Optional<AgentCredential> credential) {
            return new HostResponse(
                    host.id().toString(),
                    host.name(),
                    "Routing",
                    host.state().displayName(),
                    host.resourceState().displayName(),
                    host.zoneId().toString(),
                    host.podId().map(UUID::toString).orElse(null),
                    host.clusterId().map(UUID::toString).orElse(null),
                    host.hypervisorType().displayName(),
                    host.tunnelAddress(),
                    host.desiredGeneration(),
                    host.appliedGeneration(),
                    host.lastHeartbeat().orElse(null),
                    host.lastError().orElse(null),
                    credential.map(AgentCredential::user).orElse(null),
                    credential.map(AgentCredential::secret).orElse(null));
        }
    }
}
