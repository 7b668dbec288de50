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

    /**
     * A pod. CloudStack's PodResponse types {@code startip} and {@code endip} as lists (one entry per
     * management IP range; deprecated in 4.16 beside {@code ipranges}, and still sent), and so does
     * Weft, with its single range:
     *
     * <ul>
     *   <li>cloudstack-go, and Terraform's provider with it: {@code Pod.Startip []string} in
     *       cloudstack/PodService.go; a string fails its {@code json.Unmarshal}.
     *   <li>ngine_io.cloudstack 2.3.0 {@code cs_pod}: {@code _transform_ip_list} takes the first
     *       entry of a list and keeps a string, so either works.
     *   <li>cs and Libcloud pass the answer through untouched.
     *   <li>jclouds 2.5.0 (its last release): {@code org.jclouds.cloudstack.domain.Pod} has
     *       {@code String startIp, endIp}; its Gson fails on a list. jclouds alone gets them as
     *       strings, rewritten at the HTTP edge ({@code JcloudsPodRanges}).
     * </ul>
     */
    record PodResponse(
            String id,
            String name,
            String zoneid,
            String zonename,
            String gateway,
            String netmask,
            List<String> startip,
            List<String> endip,
            List<IpRangeResponse> ipranges,
            String allocationstate) {
        static PodResponse of(PodView pod) {
            Optional<PodAddressing> addressing = pod.addressing();
            return new PodResponse(
                    pod.id().toString(),
                    pod.name(),
                    pod.zoneId().toString(),
                    pod.zoneName(),
                    addressing.map(PodAddressing::gateway).orElse(null),
                    addressing.map(PodAddressing::netmask).orElse(null),
                    addressing.map(a -> List.of(a.startIp())).orElse(List.of()),
                    addressing.map(a -> List.of(a.endIp())).orElse(List.of()),
                    addressing
                            .map(a -> List.of(new IpRangeResponse(a.startIp(), a.endIp(), a.gateway())))
                            .orElse(List.of()),
                    pod.allocationState().displayName());
        }
    }

    /** One management IP range of a pod, as in CloudStack 4.16+'s {@code ipranges}. */
    record IpRangeResponse(String startip, String endip, String gateway) {}

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
