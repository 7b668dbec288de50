package io.weft.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jclouds.cloudstack.CloudStackGlobalApi;
import org.jclouds.cloudstack.domain.Account;
import org.jclouds.cloudstack.domain.Cluster;
import org.jclouds.cloudstack.domain.Domain;
import org.jclouds.cloudstack.domain.Host;
import org.jclouds.cloudstack.domain.Network;
import org.jclouds.cloudstack.domain.Pod;
import org.jclouds.cloudstack.domain.SecurityGroup;
import org.jclouds.cloudstack.domain.VirtualMachine;
import org.jclouds.cloudstack.domain.Zone;
import org.jclouds.cloudstack.options.ListNetworksOptions;
import org.jclouds.cloudstack.options.ListSecurityGroupsOptions;
import org.jclouds.cloudstack.options.ListVirtualMachinesOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Ansible with its bundled ngine_io.cloudstack runs {@code cloudstack.yml}: zone, pod,
 * cluster, host, domain, account, user, service offerings, template, networks, security groups and
 * rules, a VM that is deployed, stopped, given another offering while stopped
 * (changeServiceForVirtualMachine) and started again, and a second NIC. The second run changes
 * nothing; a third with {@code state=absent} removes it all, which the API confirms.
 */
class AnsibleCloudStackPlaybookTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path workDir;

    @Test
    void playbookAppliesThenChangesNothingThenRemovesEverything() throws Exception {
        ClientPrerequisites.requireAnsibleOrSkip("cs", "ansible_collections.ngine_io.cloudstack");
        try (WeftForClients weft = WeftForClients.start(dataDir)) {
            Map<String, String> cloudStack = weft.cloudStackEnvironment();
            AnsiblePlaybook playbook = new AnsiblePlaybook(
                    "cloudstack.yml",
                    Map.of(
                            "CLOUDSTACK_ENDPOINT", cloudStack.get("WEFT_CS_ENDPOINT"),
                            "CLOUDSTACK_KEY", cloudStack.get("WEFT_CS_API_KEY"),
                            "CLOUDSTACK_SECRET", cloudStack.get("WEFT_CS_SECRET_KEY")),
                    workDir);

            assertThat(playbook.run("vm_cycle=true").assertClean().changed()).isPositive();
            AnsiblePlaybook.Run again = playbook.run().assertClean();
            assertThat(again.changed()).as(again.outcome().report()).isZero();
            playbook.run("state=absent").assertClean();

            CloudStackGlobalApi admin = weft.admin();
            assertThat(admin.getVirtualMachineApi().listVirtualMachines(new EveryAccount.VirtualMachines()))
                    .extracting(VirtualMachine::getName)
                    .doesNotContain("vm-ans");
            assertThat(admin.getNetworkApi().listNetworks(new EveryAccount.Networks()))
                    .extracting(Network::getName)
                    .doesNotContain("web-net", "db-net");
            assertThat(admin.getSecurityGroupApi().listSecurityGroups(new EveryAccount.SecurityGroups()))
                    .extracting(SecurityGroup::getName)
                    .doesNotContain("web", "db");
            assertThat(admin.getZoneApi().listZones()).extracting(Zone::getName).doesNotContain("z-ans");
            assertThat(admin.getPodClient().listPods()).extracting(Pod::getName).doesNotContain("p-ans");
            assertThat(admin.getHostClient().listClusters())
                    .extracting(Cluster::getName)
                    .doesNotContain("c-ans");
            assertThat(admin.getHostClient().listHosts())
                    .extracting(Host::getName)
                    .doesNotContain("192.168.0.11");
            assertThat(admin.getAccountApi().listAccounts())
                    .extracting(Account::getName)
                    .doesNotContain("alice-ans");
            assertThat(admin.getDomainClient().listDomains())
                    .extracting(Domain::getName)
                    .doesNotContain("acme-ans");
        }
    }

    /** jclouds' list options have no {@code listall}, without which CloudStack lists only the caller's own. */
    private static final class EveryAccount {
        static final class Networks extends ListNetworksOptions {
            Networks() {
                queryParameters.replaceValues("listall", List.of("true"));
            }
        }

        static final class SecurityGroups extends ListSecurityGroupsOptions {
            SecurityGroups() {
                queryParameters.replaceValues("listall", List.of("true"));
            }
        }

        static final class VirtualMachines extends ListVirtualMachinesOptions {
            VirtualMachines() {
                queryParameters.replaceValues("listall", List.of("true"));
            }
        }

        private EveryAccount() {}
    }
}
