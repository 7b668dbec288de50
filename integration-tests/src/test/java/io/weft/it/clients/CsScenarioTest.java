package io.weft.it.clients;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cs library (Debian's python3-cs), unpatched, runs {@code cs_scenario.py} against a running
 * Weft: topology, tenancy, offerings and templates, networks, security groups and rules, a VM's
 * life cycle with a second NIC, and every deletion.
 */
class CsScenarioTest {
    @TempDir
    static Path dataDir;

    @TempDir
    static Path workDir;

    private static ClientProcess.Outcome run;

    @BeforeAll
    static void runScenario() throws Exception {
        ClientPrerequisites.requireOrSkip("cs");
        try (WeftForClients weft = WeftForClients.start(dataDir)) {
            run = PythonScenario.run("cs_scenario.py", weft.cloudStackEnvironment(), workDir);
        }
    }

    @Test
    void csDrivesTopologyTenancyNetworksGroupsAndNicsUnpatched() {
        PythonScenario.assertStepsPassed(
                run,
                "createDomain",
                "createAccount",
                "createUser",
                "registerUserKeys",
                "createZone",
                "createPod",
                "addCluster",
                "addHost",
                "listNetworkOfferings",
                "createNetwork",
                "createNetwork second",
                "createSecurityGroup web",
                "createSecurityGroup db",
                "authorizeSecurityGroupIngress cidr",
                "authorizeSecurityGroupIngress group",
                "authorizeSecurityGroupEgress",
                "listSecurityGroups by name",
                "db group has two ingress rules",
                "deployVirtualMachine",
                "addNicToVirtualMachine",
                "listNics",
                "removeNicFromVirtualMachine",
                "destroyVirtualMachine",
                "revokeSecurityGroupIngress",
                "deleteSecurityGroup db",
                "deleteSecurityGroup web",
                "deleteNetwork",
                "deleteNetwork second",
                "deleteNetwork again answers does-not-exist",
                "deleteAccount",
                "deleteHost",
                "deleteCluster",
                "deletePod",
                "deleteZone",
                "deleteDomain");
    }

    /** Every step, the field checks among them; a failure lists each step that did not pass. */
    @Test
    void csRunsTheWholeScenarioUnpatched() {
        PythonScenario.assertScenarioPassed(run);
    }
}
