package io.weft.it.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.MoreCollectors;
import io.weft.testsupport.Steps;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackTopology;
import io.weft.testsupport.cloudstack.Params;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.jclouds.Constants;
import org.jclouds.ContextBuilder;
import org.jclouds.cloudstack.CloudStackApi;
import org.jclouds.cloudstack.CloudStackContext;
import org.jclouds.cloudstack.CloudStackGlobalApi;
import org.jclouds.cloudstack.domain.Account;
import org.jclouds.cloudstack.domain.ApiKeyPair;
import org.jclouds.cloudstack.domain.AsyncCreateResponse;
import org.jclouds.cloudstack.domain.AsyncJob;
import org.jclouds.cloudstack.domain.Cluster;
import org.jclouds.cloudstack.domain.Domain;
import org.jclouds.cloudstack.domain.Host;
import org.jclouds.cloudstack.domain.IngressRule;
import org.jclouds.cloudstack.domain.NIC;
import org.jclouds.cloudstack.domain.Network;
import org.jclouds.cloudstack.domain.NetworkType;
import org.jclouds.cloudstack.domain.Pod;
import org.jclouds.cloudstack.domain.SecurityGroup;
import org.jclouds.cloudstack.domain.User;
import org.jclouds.cloudstack.domain.VirtualMachine;
import org.jclouds.cloudstack.domain.Zone;
import org.jclouds.cloudstack.options.CreateAccountOptions;
import org.jclouds.cloudstack.options.CreateNetworkOptions;
import org.jclouds.cloudstack.options.CreateZoneOptions;
import org.jclouds.cloudstack.options.DeployVirtualMachineOptions;
import org.jclouds.cloudstack.options.ListClustersOptions;
import org.jclouds.cloudstack.options.ListHostsOptions;
import org.jclouds.cloudstack.options.ListNetworksOptions;
import org.jclouds.cloudstack.options.ListSecurityGroupsOptions;
import org.jclouds.cloudstack.options.ListVirtualMachinesOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 acceptance: Apache jclouds' CloudStack API, unmodified, runs the whole tenant scenario
 * against a running Weft, and every object reads back as written.
 */
class JcloudsScenarioTest {
    @TempDir
    static Path dataDir;

    private static RunningWeft weft;
    private static CloudStackContext adminContext;

    @BeforeAll
    static void start() throws Exception {
        weft = RunningWeft.start(dataDir);
        adminContext = connect(weft.adminKeys().apiKey(), weft.adminKeys().secretKey());
    }

    @AfterAll
    static void stop() {
        if (adminContext != null) {
            adminContext.close();
        }
        if (weft != null) {
            weft.close();
        }
    }

    /** API-COMPAT §4.1: no retries, so a failure shows at once and as itself. */
    private static CloudStackContext connect(String apiKey, String secretKey) {
        Properties overrides = new Properties();
        overrides.setProperty(Constants.PROPERTY_MAX_RETRIES, "0");
        return ContextBuilder.newBuilder("cloudstack")
                .endpoint(weft.api().toString())
                .credentials(apiKey, secretKey)
                .overrides(overrides)
                .buildView(CloudStackContext.class);
    }

    @Test
    void jcloudsRunsTheTenantScenarioAndReadsEveryObjectBackAsWritten() throws Exception {
        try (Scenario scenario = new Scenario()) {
            Steps.of("jclouds tenant scenario")
                    .step(
                            "admin creates a domain and an account, sending both account and accounttype",
                            scenario::tenancy)
                    .step("admin builds a zone, pod, cluster and two hosts", scenario::topology)
                    .step("the tenant connects with its own keys", scenario::connectTenant)
                    .step("tenant creates a network whose display text carries * and ~", scenario::network)
                    .step("tenant creates two groups with rules by CIDR, by group pair and for ICMP", scenario::groups)
                    .step("admin deploys two VMs for the tenant on chosen hosts", scenario::virtualMachines)
                    .step("tenant lists everything back", scenario::listsBack)
                    .step("tenant revokes a rule, then deletes what it made", scenario::tenantCleanUp)
                    .step("admin deletes the topology, the account and the domain", scenario::adminCleanUp);
        }
    }

    /** One run of the scenario; each step builds on what the one before made. Closing drops the tenant's connection. */
    private static final class Scenario implements AutoCloseable {
        private final CloudStackGlobalApi admin = adminContext.getGlobalApi();
        private CloudStackContext tenantContext;
        private Domain domain;
        private Account account;
        private ApiKeyPair keys;
        private Zone zone;
        private Pod pod;
        private Cluster cluster;
        private Host host1;
        private Host host2;
        private CloudStackApi tenant;
        private Network network;
        private SecurityGroup web;
        private SecurityGroup db;
        private IngressRule pairRule;
        private VirtualMachine vm1;
        private VirtualMachine vm2;

        @Override
        public void close() throws IOException {
            if (tenantContext != null) {
                tenantContext.close();
            }
        }

        /** Admin: tenancy. "account" and "accounttype" are both sent, one name a prefix of the other. */
        void tenancy() throws Exception {
            domain = admin.getDomainClient().createDomain("acme-jc");
            assertThat(domain.getName()).isEqualTo("acme-jc");
            assertThat(admin.getDomainClient().getDomainById(domain.getId()).getName())
                    .isEqualTo("acme-jc");
            account = admin.getAccountApi()
                    .createAccount(
                            "alice",
                            Account.Type.USER,
                            "alice@example.com",
                            "Alice",
                            "Doe",
                            "s3cret~pass*",
                            CreateAccountOptions.Builder.domainId(domain.getId())
                                    .account("alice-jc"));
            assertThat(account.getName()).isEqualTo("alice-jc");
            assertThat(account.getType()).isEqualTo(Account.Type.USER);
            assertThat(account.getDomainId()).isEqualTo(domain.getId());
            User user = account.getUsers().iterator().next();
            assertThat(user.getName()).isEqualTo("alice");
            assertThat(user.getEmail()).isEqualTo("alice@example.com");
            assertThat(user.getFirstName()).isEqualTo("Alice");
            assertThat(user.getLastName()).isEqualTo("Doe");
            keys = admin.getUserClient().registerUserKeys(user.getId());
            assertThat(keys.getApiKey()).isNotBlank();
            assertThat(keys.getSecretKey()).isNotBlank();
        }

        /** Admin: topology. createZone also carries "domain" and "domainid". */
        void topology() throws Exception {
            zone = admin.getZoneApi()
                    .createZone(
                            "z-jc",
                            NetworkType.ADVANCED,
                            "8.8.8.8",
                            "10.0.0.2",
                            CreateZoneOptions.Builder.securityGroupEnabled(true)
                                    .guestCIDRAddress("10.0.0.0/8")
                                    .domainName("acme-jc.example")
                                    .domainId(domain.getId()));
            assertThat(zone.getName()).isEqualTo("z-jc");
            assertThat(zone.getNetworkType()).isEqualTo(NetworkType.ADVANCED);
            assertThat(zone.getDNS()).contains("8.8.8.8");
            assertThat(zone.getInternalDNS()).contains("10.0.0.2");
            assertThat(zone.isSecurityGroupsEnabled()).isTrue();
            assertThat(zone.getGuestCIDRAddress()).isEqualTo("10.0.0.0/8");
            pod = admin.getPodClient()
                    .createPod("p-jc", zone.getId(), "192.168.0.10", "192.168.0.99", "192.168.0.1", "255.255.255.0");
            assertThat(pod.getName()).isEqualTo("p-jc");
            assertThat(pod.getZoneId()).isEqualTo(zone.getId());
            assertThat(pod.getStartIp()).isEqualTo("192.168.0.10");
            assertThat(pod.getEndIp()).isEqualTo("192.168.0.99");
            assertThat(pod.getGateway()).isEqualTo("192.168.0.1");
            assertThat(pod.getNetmask()).isEqualTo("255.255.255.0");
            cluster = addCluster(admin, zone, pod);
            assertThat(cluster.getName()).isEqualTo("c-jc");
            assertThat(cluster.getPodId()).isEqualTo(pod.getId());
            assertThat(cluster.getZoneId()).isEqualTo(zone.getId());
            assertThat(cluster.getClusterType()).isEqualTo(Host.ClusterType.CLOUD_MANAGED);
            assertThat(cluster.getHypervisor()).isEqualTo("KVM");
            host1 = addHost(admin, zone, pod, cluster, "192.168.0.11");
            host2 = addHost(admin, zone, pod, cluster, "192.168.0.12");
            assertThat(admin.getHostClient().listHosts(ListHostsOptions.Builder.zoneId(zone.getId())).stream()
                            .map(Host::getId)
                            .collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(host1.getId(), host2.getId());
            assertThat(admin.getHostClient().listClusters())
                    .extracting(Cluster::getId)
                    .contains(cluster.getId());
            assertThat(admin.getPodClient().getPod(pod.getId()).getName()).isEqualTo("p-jc");
            assertThat(admin.getZoneApi().getZone(zone.getId()).getName()).isEqualTo("z-jc");
        }

        void connectTenant() {
            tenantContext = connect(keys.getApiKey(), keys.getSecretKey());
            tenant = tenantContext.getApi();
            assertThat(tenant.getAccountApi().listAccounts())
                    .flatExtracting(Account::getUsers)
                    .extracting(User::getApiKey)
                    .containsExactly(keys.getApiKey());
        }

        /** Tenant: a network whose display text carries '*' and '~'. */
        void network() throws Exception {
            String offering = tenant.getOfferingApi()
                    .listNetworkOfferings()
                    .iterator()
                    .next()
                    .getId();
            network = tenant.getNetworkApi()
                    .createNetworkInZone(
                            zone.getId(),
                            offering,
                            "web-net",
                            "web *tier* ~jc~",
                            CreateNetworkOptions.Builder.gateway("10.10.0.1").netmask("255.255.255.0"));
            assertThat(network.getName()).isEqualTo("web-net");
            assertThat(network.getDisplayText()).isEqualTo("web *tier* ~jc~");
            assertThat(network.getZoneId()).isEqualTo(zone.getId());
            assertThat(network.getNetworkOfferingId()).isEqualTo(offering);
            assertThat(network.getGateway()).isEqualTo("10.10.0.1");
            assertThat(network.getNetmask()).isEqualTo("255.255.255.0");
            assertThat(network.getAccount()).isEqualTo("alice-jc");
            assertThat(network.getDomainId()).isEqualTo(domain.getId());
            assertThat(tenant.getNetworkApi().getNetwork(network.getId()).getDisplayText())
                    .isEqualTo("web *tier* ~jc~");
        }

        /** Tenant: two groups, rules by CIDR, by group pair and for ICMP. */
        void groups() throws Exception {
            web = tenant.getSecurityGroupApi().createSecurityGroup("web");
            db = tenant.getSecurityGroupApi().createSecurityGroup("db");
            assertThat(web.getName()).isEqualTo("web");
            assertThat(db.getAccount()).isEqualTo("alice-jc");
            assertThat(db.getDomainId()).isEqualTo(domain.getId());
            assertThat(db.getIngressRules()).isEmpty();
            awaitSuccess(
                    tenant,
                    tenant.getSecurityGroupApi()
                            .authorizeIngressPortsToCIDRs(
                                    db.getId(), "TCP", 5432, 5432, List.of("10.0.0.0/8", "192.168.0.0/16")));
            awaitSuccess(
                    tenant,
                    tenant.getSecurityGroupApi()
                            .authorizeIngressPortsToSecurityGroups(
                                    db.getId(), "TCP", 5432, 5432, ImmutableMultimap.of("alice-jc", "web")));
            awaitSuccess(
                    tenant,
                    tenant.getSecurityGroupApi().authorizeIngressICMPToCIDRs(web.getId(), 0, 8, List.of("0.0.0.0/0")));
            Set<IngressRule> dbRules =
                    tenant.getSecurityGroupApi().getSecurityGroup(db.getId()).getIngressRules();
            assertThat(dbRules).hasSize(3);
            assertThat(dbRules).allSatisfy(rule -> {
                assertThat(rule.getProtocol()).isEqualToIgnoringCase("tcp");
                assertThat(rule.getStartPort()).isEqualTo(5432);
                assertThat(rule.getEndPort()).isEqualTo(5432);
            });
            assertThat(dbRules)
                    .extracting(IngressRule::getCIDR)
                    .containsExactlyInAnyOrder("10.0.0.0/8", "192.168.0.0/16", null);
            pairRule = dbRules.stream()
                    .filter(rule -> rule.getCIDR() == null)
                    .findFirst()
                    .orElseThrow();
            assertThat(pairRule.getSecurityGroupName()).isEqualTo("web");
            assertThat(pairRule.getAccount()).isEqualTo("alice-jc");
            IngressRule icmp = tenant.getSecurityGroupApi()
                    .getSecurityGroupByName("web")
                    .getIngressRules()
                    .iterator()
                    .next();
            assertThat(icmp.getProtocol()).isEqualToIgnoringCase("icmp");
            assertThat(icmp.getICMPType()).isEqualTo(8);
            assertThat(icmp.getICMPCode()).isEqualTo(0);
            assertThat(icmp.getCIDR()).isEqualTo("0.0.0.0/0");
        }

        /** VMs: hostid placement is for root admins (as in CloudStack), so the admin deploys them for the tenant's account. */
        void virtualMachines() throws Exception {
            vm1 = deployOnHost(
                    new OnHost(host1.getId())
                            .accountInDomain("alice-jc", domain.getId())
                            .name("vm1")
                            .networkId(network.getId())
                            .ipOnDefaultNetwork("10.10.0.50")
                            .securityGroupIds(List.of(web.getId(), db.getId())),
                    zone);
            vm2 = deployOnHost(
                    new OnHost(host2.getId())
                            .accountInDomain("alice-jc", domain.getId())
                            .name("vm2")
                            .networkId(network.getId())
                            .ipOnDefaultNetwork("10.10.0.51")
                            .securityGroupId(web.getId()),
                    zone);
            assertVm(vm1, "vm1", host1, zone, network, "10.10.0.50", domain);
            assertVm(vm2, "vm2", host2, zone, network, "10.10.0.51", domain);
            assertThat(vm1.getSecurityGroups())
                    .extracting(SecurityGroup::getName)
                    .containsExactlyInAnyOrder("web", "db");
        }

        /** Tenant: everything lists back. */
        void listsBack() throws Exception {
            assertThat(tenant.getVirtualMachineApi().listVirtualMachines())
                    .extracting(VirtualMachine::getId)
                    .containsExactlyInAnyOrder(vm1.getId(), vm2.getId());
            assertVm(
                    tenant.getVirtualMachineApi()
                            .listVirtualMachines(ListVirtualMachinesOptions.Builder.id(vm2.getId()))
                            .iterator()
                            .next(),
                    "vm2",
                    host2,
                    zone,
                    network,
                    "10.10.0.51",
                    domain);
            assertThat(tenant.getNetworkApi().listNetworks(ListNetworksOptions.Builder.zoneId(zone.getId())))
                    .extracting(Network::getId)
                    .containsExactly(network.getId());
            assertThat(tenant.getSecurityGroupApi().listSecurityGroups())
                    .extracting(SecurityGroup::getName)
                    .containsExactlyInAnyOrder("web", "db");
            assertThat(tenant.getSecurityGroupApi()
                            .listSecurityGroups(ListSecurityGroupsOptions.Builder.named("db"))
                            .iterator()
                            .next()
                            .getIngressRules())
                    .hasSize(3);
            assertThat(tenant.getAsyncJobApi().listAsyncJobs())
                    .extracting(AsyncJob::getStatus)
                    .doesNotContain(AsyncJob.Status.IN_PROGRESS, AsyncJob.Status.FAILED);
        }

        /** Revoke one rule, then delete what the scenario made. */
        void tenantCleanUp() throws Exception {
            awaitSuccess(tenant, tenant.getSecurityGroupApi().revokeIngressRule(pairRule.getId()));
            assertThat(tenant.getSecurityGroupApi().getSecurityGroup(db.getId()).getIngressRules())
                    .extracting(IngressRule::getId)
                    .hasSize(2)
                    .doesNotContain(pairRule.getId());
            awaitSuccess(tenant, tenant.getVirtualMachineApi().destroyVirtualMachine(vm1.getId()));
            awaitSuccess(tenant, tenant.getVirtualMachineApi().destroyVirtualMachine(vm2.getId()));
            assertThat(tenant.getVirtualMachineApi().listVirtualMachines()).isEmpty();
            tenant.getSecurityGroupApi().deleteSecurityGroup(db.getId());
            tenant.getSecurityGroupApi().deleteSecurityGroup(web.getId());
            assertThat(tenant.getSecurityGroupApi().listSecurityGroups()).isEmpty();
            awaitSuccess(tenant, tenant.getNetworkApi().deleteNetwork(network.getId()));
            assertThat(tenant.getNetworkApi().listNetworks()).isEmpty();
            tenantContext.close();
            tenantContext = null;
        }

        /** The admin removes the topology, then the account and the domain. */
        void adminCleanUp() {
            admin.getHostClient().deleteHost(host1.getId());
            admin.getHostClient().deleteHost(host2.getId());
            admin.getHostClient().deleteCluster(cluster.getId());
            admin.getPodClient().deletePod(pod.getId());
            admin.getZoneApi().deleteZone(zone.getId());
            assertThat(admin.getZoneApi().listZones()).extracting(Zone::getId).doesNotContain(zone.getId());
            // Both deletes are jobs whose ids jclouds drops (it declares them void), so wait for the effect.
            admin.getAccountApi().deleteAccount(account.getId());
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.getAccountApi().listAccounts().stream()
                    .noneMatch(listed -> listed.getId().equals(account.getId())));
            admin.getDomainClient().deleteDomainAndAttachedResources(domain.getId());
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.getDomainClient().listDomains().stream()
                    .noneMatch(listed -> listed.getId().equals(domain.getId())));
        }
    }

    /** jclouds has no option for {@code hostid}; this adds it the way every other option is sent. */
    private static final class OnHost extends DeployVirtualMachineOptions {
        OnHost(String hostId) {
            queryParameters.replaceValues("hostid", List.of(hostId));
        }
    }

    private static VirtualMachine deployOnHost(DeployVirtualMachineOptions options, Zone zone)
            throws InterruptedException {
        AsyncCreateResponse created = adminContext
                .getApi()
                .getVirtualMachineApi()
                .deployVirtualMachineInZone(zone.getId(), RunningWeft.SERVICE_OFFERING, RunningWeft.TEMPLATE, options);
        assertThat(created.getId()).isNotBlank();
        // The admin submitted the job, so the admin polls it.
        AsyncJob<Object> job = awaitSuccess(adminContext.getApi(), created.getJobId());
        assertThat(job.getInstanceType()).isEqualTo("VirtualMachine");
        assertThat(job.getResult()).isInstanceOf(VirtualMachine.class);
        VirtualMachine vm = (VirtualMachine) job.getResult();
        assertThat(vm.getId()).isEqualTo(created.getId());
        return vm;
    }

    private static void assertVm(
            VirtualMachine vm, String name, Host host, Zone zone, Network network, String ip, Domain domain) {
        assertThat(vm.getName()).isEqualTo(name);
        assertThat(vm.getHostId()).isEqualTo(host.getId());
        assertThat(vm.getZoneId()).isEqualTo(zone.getId());
        assertThat(vm.getAccount()).isEqualTo("alice-jc");
        assertThat(vm.getDomainId()).isEqualTo(domain.getId());
        assertThat(vm.getNICs()).hasSize(1);
        NIC nic = vm.getNICs().iterator().next();
        assertThat(nic.getId()).isNotBlank();
        assertThat(nic.getNetworkId()).isEqualTo(network.getId());
        assertThat(nic.getIPAddress()).isEqualTo(ip);
        assertThat(nic.isDefault()).isTrue();
    }

    /**
     * Adds the cluster through the signed test client, not jclouds: CloudStack's AddClusterCmd answers
     * a one-element list, and jclouds 2.5.0's {@code GlobalHostApi.addCluster} carries only
     * {@code @SelectJson("cluster")} with a single {@code Cluster} return type (no {@code @OnlyElement}),
     * so it cannot read that reply from real CloudStack either. jclouds reads the cluster back.
     */
    private static Cluster addCluster(CloudStackGlobalApi admin, Zone zone, Pod pod) {
        String id = CloudStackClient.of(weft.api(), weft.adminKeys())
                .ok(
                        "addCluster",
                        Params.of("zoneid", zone.getId())
                                .and("clustername", "c-jc")
                                .and("clustertype", "CloudManaged")
                                .and("hypervisor", "KVM")
                                .and("podid", pod.getId()))
                .get("cluster")
                .get(0)
                .get("id")
                .asText();
        return admin.getHostClient().listClusters(ListClustersOptions.Builder.id(id)).stream()
                .collect(MoreCollectors.onlyElement());
    }

    /**
     * Adds the host through the signed test client, not jclouds: CloudStack's AddHostCmd answers a
     * one-element list, and jclouds 2.5.0's {@code GlobalHostApi.addHost} carries only
     * {@code @SelectJson("host")} with a single {@code Host} return type (no {@code @OnlyElement}), so
     * it cannot read that reply from real CloudStack either. jclouds reads the host back.
     */
    private static Host addHost(CloudStackGlobalApi admin, Zone zone, Pod pod, Cluster cluster, String ip) {
        String id = CloudStackTopology.kvmHost(
                        CloudStackClient.of(weft.api(), weft.adminKeys()),
                        zone.getId(),
                        cluster.getId(),
                        ip,
                        Params.of("username", "root").and("password", "pw*~").and("podid", pod.getId()))
                .get("id")
                .asText();
        Host host = admin.getHostClient().listHosts(ListHostsOptions.Builder.id(id)).stream()
                .collect(MoreCollectors.onlyElement());
        assertThat(host).isNotNull();
        assertThat(host.getId()).isNotBlank();
        assertThat(host.getName()).isEqualTo(ip);
        assertThat(host.getIpAddress()).isEqualTo(ip);
        assertThat(host.getZoneId()).isEqualTo(zone.getId());
        assertThat(host.getPodId()).isEqualTo(pod.getId());
        assertThat(host.getClusterId()).isEqualTo(cluster.getId());
        assertThat(host.getHypervisor()).isEqualTo("KVM");
        assertThat(host.getType()).isEqualTo(Host.Type.ROUTING);
        // Up only once the host's agent connects; no agent runs here.
        assertThat(host.getState()).isEqualTo(Host.State.CONNECTING);
        return host;
    }

    /** Polls the job as its owner until it ends; it must succeed. */
    private static AsyncJob<Object> awaitSuccess(CloudStackApi api, String jobId) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            AsyncJob<Object> job = api.getAsyncJobApi().getAsyncJob(jobId);
            assertThat(job.getId()).isEqualTo(jobId);
            if (job.getStatus() != AsyncJob.Status.IN_PROGRESS) {
                assertThat(job.getStatus()).as("%s", job.getError()).isEqualTo(AsyncJob.Status.SUCCEEDED);
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }
}
