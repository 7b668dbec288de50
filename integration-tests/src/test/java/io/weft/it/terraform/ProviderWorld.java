package io.weft.it.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.cloudstack.RunningWeft;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTopology;
import io.weft.testsupport.cloudstack.Params;
import java.nio.file.Path;

/**
 * What a Terraform run against Weft finds already there: a Weft server in this JVM (H2, embedded
 * broker), an Advanced zone with security groups that the root admin built, and a user account
 * whose API keys the provider block holds:
 *
 * <pre>
 * provider "cloudstack" {
 *   api_url    = "http://127.0.0.1:&lt;port&gt;/client/api"
 *   api_key    = "&lt;tenant's key&gt;"
 *   secret_key = "&lt;tenant's secret&gt;"
 * }
 * </pre>
 */
final class ProviderWorld implements AutoCloseable {
    static final String ZONE = "tf-zone";
    static final String NETWORK_OFFERING = "WeftIsolatedVxlan";
    static final String SERVICE_OFFERING = "Small Instance";
    /** Seeded beside the small one on a fresh database. */
    static final String BIGGER_SERVICE_OFFERING = "Medium Instance";

    static final String TEMPLATE = "Ubuntu 22.04 LTS";

    private final RunningWeft weft;
    private final CloudStackClient admin;
    private final CloudStackGo provider;
    private final String zoneId;

    private ProviderWorld(RunningWeft weft) {
        this.weft = weft;
        this.admin = CloudStackClient.of(weft.api(), weft.adminKeys());
        this.zoneId = CloudStackTopology.advancedZone(
                admin, ZONE, Params.of("securitygroupenabled", "true").and("guestcidraddress", "10.0.0.0/8"));
        addHost();
        this.provider = CloudStackGo.of(weft.api(), tenantKeys("terraform"));
    }

    static ProviderWorld start(Path dataDir) {
        return new ProviderWorld(RunningWeft.start(dataDir));
    }

    /** A pod, a cluster and a KVM host, so that VMs have somewhere to run. */
    private void addHost() {
        String podId = CloudStackTopology.pod(admin, zoneId, "tf-pod", Params.none());
        String clusterId = CloudStackTopology.kvmCluster(admin, zoneId, "tf-cluster", Params.of("podid", podId));
        CloudStackTopology.kvmHost(
                admin,
                zoneId,
                clusterId,
                "192.168.0.11",
                Params.of("podid", podId).and("username", "root").and("password", "host-pass"));
    }

    private ApiKeys tenantKeys(String name) {
        JsonNode account = admin.ok(
                        "createAccount",
                        Params.of("username", name)
                                .and("password", "s3cret-pass")
                                .and("email", name + "@example.com")
                                .and("firstname", "Terra")
                                .and("lastname", "Form")
                                .and("account", name)
                                .and("accounttype", "0"))
                .get("account");
        JsonNode keys = admin.ok(
                        "registerUserKeys",
                        "id",
                        account.get("user").get(0).get("id").asText())
                .get("userkeys");
        return new ApiKeys(keys.get("apikey").asText(), keys.get("secretkey").asText());
    }

    /** cloudstack-go with the provider block's keys. */
    CloudStackGo provider() {
        return provider;
    }

    String zoneId() {
        return zoneId;
    }

    /** A network as {@code resourceCloudStackNetworkCreate} creates one from a name and a /24. */
    String network(String name, String prefix) {
        String offering = provider.idByName(
                "listNetworkOfferings",
                "networkoffering",
                "ListNetworkOfferingsResponse",
                "name",
                NETWORK_OFFERING,
                Params.none());
        return provider.postUnwrapped(
                        "createNetwork",
                        Params.of("displaytext", name)
                                .and("gateway", prefix + ".1")
                                .and("name", name)
                                .and("netmask", "255.255.255.0")
                                .and("networkofferingid", offering)
                                .and("zoneid", zoneId),
                        "CreateNetworkResponse")
                .get("id")
                .asText();
    }

    /**
     * A running instance on {@code networkId}, deployed as {@code resourceCloudStackInstanceCreate}
     * deploys one from the seeded offering and template.
     */
    String instance(String name, String networkId) {
        String offering = provider.list(
                        "listServiceOfferings",
                        Params.of("name", SERVICE_OFFERING).and("zoneid", zoneId),
                        "ListServiceOfferingsResponse")
                .get("serviceoffering")
                .get(0)
                .get("id")
                .asText();
        String template = provider.idByName(
                "listTemplates",
                "template",
                "ListTemplatesResponse",
                "name",
                TEMPLATE,
                Params.of("templatefilter", "executable").and("zoneid", zoneId));
        return provider.postAsync(
                        "deployVirtualMachine",
                        Params.of("displayname", name)
                                .and("name", name)
                                .and("networkids", networkId)
                                .and("serviceofferingid", offering)
                                .and("startvm", "true")
                                .and("templateid", template)
                                .and("zoneid", zoneId),
                        "DeployVirtualMachineResponse",
                        true)
                .get("id")
                .asText();
    }

    /** A group as {@code resourceCloudStackSecurityGroupCreate} creates one. */
    String securityGroup(String name) {
        return provider.postUnwrapped(
                        "createSecurityGroup",
                        Params.of("description", name).and("name", name),
                        "CreateSecurityGroupResponse")
                .get("id")
                .asText();
    }

    @Override
    public void close() {
        weft.close();
    }
}
