package io.weft.testsupport.cloudstack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The physical side of a cloud made the way a root administrator makes it through the CloudStack
 * API: an Advanced zone, a pod, a KVM cluster and hosts. Each call takes further parameters
 * ({@code more}), which are added after the defaults and replace a default of the same name.
 */
public final class CloudStackTopology {
    private CloudStackTopology() {}

    /** {@code createZone}: an Advanced zone with DNS 8.8.8.8 and internal DNS 10.0.0.2; returns its id. */
    public static String advancedZone(CloudStackClient admin, String name, Params more) {
        Params zone =
                Params.pairs("name", name, "networktype", "Advanced", "dns1", "8.8.8.8", "internaldns1", "10.0.0.2");
        return admin.ok("createZone", zone.and(more)).get("zone").get("id").asText();
    }

    /** {@code createPod}: management range 192.168.0.10-99 in 192.168.0.0/24; returns its id. */
    public static String pod(CloudStackClient admin, String zoneId, String name, Params more) {
        Params pod = Params.pairs("name", name, "zoneid", zoneId, "gateway", "192.168.0.1", "netmask", "255.255.255.0");
        pod.and("startip", "192.168.0.10").and("endip", "192.168.0.99");
        return admin.ok("createPod", pod.and(more)).get("pod").get("id").asText();
    }

    /** {@code addCluster}: a CloudManaged KVM cluster ({@code podid} in {@code more}); returns its id. */
    public static String kvmCluster(CloudStackClient admin, String zoneId, String name, Params more) {
        // CloudStack's AddClusterCmd answers a one-element list.
        return admin.ok(
                        "addCluster",
                        Params.of("zoneid", zoneId)
                                .and("clustername", name)
                                .and("clustertype", "CloudManaged")
                                .and("hypervisor", "KVM")
                                .and(more))
                .get("cluster")
                .get(0)
                .get("id")
                .asText();
    }

    /**
     * {@code addHost}: a KVM host at {@code address} in the cluster; returns the host as answered,
     * with its id and its agent's broker credential ({@code agentusername}, {@code agentpassword}).
     */
    public static JsonNode kvmHost(
            CloudStackClient admin, String zoneId, String clusterId, String address, Params more) {
        // CloudStack's AddHostCmd answers a one-element list.
        return admin.ok(
                        "addHost",
                        Params.of("zoneid", zoneId)
                                .and("clusterid", clusterId)
                                .and("url", "http://" + address)
                                .and("hypervisor", "KVM")
                                .and(more))
                .get("host")
                .get(0);
    }
}
