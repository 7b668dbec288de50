package io.weft.lab.harness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Vm;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The operator's side of a lab scenario, done only through the CloudStack API: a domain, one zone
 * with a pod and a cluster, and one Weft host per lab hypervisor (url = the hypervisor's underlay
 * address, which Weft takes as the tunnel endpoint), each host's agent started with the credential
 * {@code addHost} returned. Then tenants with their own API keys, their networks, and VMs that the
 * root admin places on a named host ({@code hostid}), each plugged into the lab behind its NIC's tap.
 * Remembers the fleet change of every job, so callers can wait until all of them are applied.
 */
public final class LabCloud {
    // The service offering and the template every server starts with.
    private static final String SERVICE_OFFERING = SeededCatalogue.SMALL_INSTANCE.toString();
    private static final String TEMPLATE = SeededCatalogue.UBUNTU_TEMPLATE.toString();

    private final WeftLab weft;
    private final String domainId;
    private final String zoneId;
    private final Map<String, Hypervisor> hypervisors = new LinkedHashMap<>();
    private final Map<String, String> hostIds = new LinkedHashMap<>();
    private final List<Long> changes = new CopyOnWriteArrayList<>();
    private final Map<String, String> vmIds = new LinkedHashMap<>();
    private final Map<String, JsonNode> nics = new LinkedHashMap<>();

    private LabCloud(WeftLab weft, String domainId, String zoneId) {
        this.weft = weft;
        this.domainId = domainId;
        this.zoneId = zoneId;
    }

    /** Creates the domain, zone, pod and cluster, then a hypervisor, host and agent per name. */
    public static LabCloud create(WeftLab weft, List<String> hypervisorNames) {
        requireNonNull(weft, "weft is null");
        CloudStackClient admin = weft.admin();
        String domainId = admin.ok("createDomain", "name", "lab")
                .path("domain")
                .path("id")
                .asText();
        String zoneId = admin.ok(
                        "createZone",
                        Params.of("name", "lab-zone")
                                .and("networktype", "Advanced")
                                .and("dns1", "10.10.0.1")
                                .and("internaldns1", "10.10.0.1")
                                .and("securitygroupenabled", "true"))
                .path("zone")
                .path("id")
                .asText();
        LabCloud cloud = new LabCloud(weft, domainId, zoneId);
        String podId = admin.ok(
                        "createPod",
                        Params.of("name", "lab-pod")
                                .and("zoneid", zoneId)
                                .and("gateway", "10.250.0.254")
                                .and("netmask", "255.255.0.0")
                                .and("startip", "10.250.0.10")
                                .and("endip", "10.250.0.99"))
                .path("pod")
                .path("id")
                .asText();
        String clusterId = admin.ok(
                        "addCluster",
                        Params.of("zoneid", zoneId)
                                .and("podid", podId)
                                .and("clustername", "lab-cluster")
                                .and("clustertype", "CloudManaged")
                                .and("hypervisor", "KVM"))
                .path("cluster")
                .path(0)
                .path("id")
                .asText();
        for (String name : hypervisorNames) {
            cloud.addHost(name, podId, clusterId);
        }
        return cloud;
    }

    private void addHost(String name, String podId, String clusterId) {
        Hypervisor hypervisor = weft.lab().addHypervisor(name);
        JsonNode reply = weft.admin()
                .ok(
                        "addHost",
                        Params.of("zoneid", zoneId)
                                .and("podid", podId)
                                .and("clusterid", clusterId)
                                .and("url", "http://" + hypervisor.underlayIp())
                                .and("hypervisor", "KVM")
                                .and("username", "root")
                                .and("password", "unused"));
        // CloudStack's one-element host[].
        JsonNode host = reply.path("host").path(0);
        String hostId = host.path("id").asText();
        hypervisors.put(name, hypervisor);
        hostIds.put(name, hostId);
        weft.runAgent(
                hypervisor,
                hostId,
                host.path("agentusername").asText(),
                host.path("agentpassword").asText());
    }

    /** A new user account in the lab domain, and a client signing with its own new keys. */
    public CloudStackClient tenant(String name) {
        JsonNode account = weft.admin()
                .ok(
                        "createAccount",
                        Params.of("username", name)
                                .and("password", "lab-" + name + "-password")
                                .and("email", name + "@lab.invalid")
                                .and("firstname", name)
                                .and("lastname", "lab")
                                .and("accounttype", "0")
                                .and("domainid", domainId))
                .path("account");
        String userId = account.path("user").get(0).path("id").asText();
        JsonNode keys = weft.admin().ok("registerUserKeys", "id", userId).path("userkeys");
        return weft.admin()
                .as(keys.path("apikey").asText(), keys.path("secretkey").asText());
    }

    /** The tenant's network on 10.10.0.0/24; {@code isolation} is VXLAN, GRE or VLAN. */
    public String createNetwork(CloudStackClient tenant, String name, String isolation) {
        String offering = null;
        for (JsonNode candidate : tenant.ok("listNetworkOfferings").path("networkoffering")) {
            if (candidate.path("displaytext").asText().endsWith(isolation)) {
                offering = candidate.path("id").asText();
            }
        }
        if (offering == null) {
            throw new IllegalStateException("no " + isolation + " network offering");
        }
        return tenant.ok(
                        "createNetwork",
                        Params.of("name", name)
                                .and("displaytext", name)
                                .and("zoneid", zoneId)
                                .and("networkofferingid", offering)
                                .and("gateway", "10.10.0.1")
                                .and("netmask", "255.255.255.0"))
                .path("network")
                .path("id")
                .asText();
    }

    public static String createGroup(CloudStackClient tenant, String name) {
        return tenant.ok("createSecurityGroup", "name", name, "description", name)
                .path("securitygroup")
                .path("id")
                .asText();
    }

    /** Runs an async command to success and remembers the fleet change it committed. */
    public JsonNode job(CloudStackClient caller, String command, String... namesAndValues) {
        return job(caller, command, Params.pairs(namesAndValues));
    }

    /** Runs an async command to success and remembers the fleet change it committed. */
    public JsonNode job(CloudStackClient caller, String command, Params params) {
        JsonNode job = caller.succeededJob(command, params);
        OptionalLong change = CloudStackClient.changeId(job);
        change.ifPresent(changes::add);
        return job;
    }

    /**
     * The root admin deploys a VM for {@code account} on {@code hypervisor} with a fixed address,
     * then the lab VM appears behind the NIC's tap. Returns the lab VM; its Weft id is {@link #vmId}.
     */
    public Vm deploy(
            String name, String account, String networkId, String hypervisor, String ip, List<String> groupIds) {
        JsonNode job = job(
                weft.admin(),
                "deployVirtualMachine",
                "account",
                account,
                "domainid",
                domainId,
                "zoneid",
                zoneId,
                "serviceofferingid",
                SERVICE_OFFERING,
                "templateid",
                TEMPLATE,
                "networkids",
                networkId,
                "securitygroupids",
                String.join(",", groupIds),
                "hostid",
                hostId(hypervisor),
                "name",
                name,
                "ipaddress",
                ip);
        JsonNode vm = job.path("jobresult").path("virtualmachine");
        vmIds.put(name, vm.path("id").asText());
        nics.put(name, vm.path("nic").get(0));
        return weft.plugVm(hypervisor(hypervisor), name, vm.path("nic").get(0));
    }

    public String vmId(String vm) {
        return requireNonNull(vmIds.get(vm), () -> "unknown VM " + vm);
    }

    /** The VM's first NIC as CloudStack returned it at deployment. */
    public JsonNode nic(String vm) {
        return requireNonNull(nics.get(vm), () -> "unknown VM " + vm);
    }

    public String hostId(String hypervisor) {
        return requireNonNull(hostIds.get(hypervisor), () -> "unknown hypervisor " + hypervisor);
    }

    public Hypervisor hypervisor(String name) {
        return requireNonNull(hypervisors.get(name), () -> "unknown hypervisor " + name);
    }

    /** Every fleet change the jobs so far committed, oldest first. */
    public List<Long> changes() {
        return List.copyOf(changes);
    }

    public WeftLab weft() {
        return weft;
    }
}
