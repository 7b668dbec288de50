package io.weft.it.clients;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Libcloud's CloudStack driver (Debian's python3-libcloud), unpatched, runs {@code
 * libcloud_cloudstack_scenario.py} as a tenant: locations, sizes, images, networks, security groups
 * and rules, a node's life cycle with a second NIC, and every deletion.
 */
class LibcloudCloudStackScenarioTest {
    @TempDir
    static Path dataDir;

    @TempDir
    static Path workDir;

    private static ClientProcess.Outcome run;

    @BeforeAll
    static void runScenario() throws Exception {
        ClientPrerequisites.requireOrSkip("cs", "libcloud");
        try (WeftForClients weft = WeftForClients.start(dataDir)) {
            run = PythonScenario.run("libcloud_cloudstack_scenario.py", weft.cloudStackEnvironment(), workDir);
        }
    }

    @Test
    void libcloudCreatesNetworksGroupsRulesAndANodeUnpatched() {
        PythonScenario.assertStepsPassed(
                run,
                "list_locations",
                "ex_create_network",
                "ex_create_network second",
                "ex_list_networks",
                "ex_create_security_group web",
                "ex_create_security_group db",
                "ex_authorize_security_group_ingress cidr",
                "ex_authorize_security_group_ingress icmp",
                "ex_list_security_groups",
                "db group has its rule",
                "create_node",
                "ex_revoke_security_group_ingress");
    }

    /** Every step, the field checks among them; a failure lists each step that did not pass. */
    @Test
    void libcloudRunsTheWholeScenarioUnpatched() {
        PythonScenario.assertScenarioPassed(run);
    }
}
