package io.weft.it.clients;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Libcloud's EC2 driver (Debian's python3-libcloud), unpatched and signing with SigV4, runs {@code
 * libcloud_ec2_scenario.py} at Weft's EC2 endpoint: availability zones, a VPC, a subnet, security
 * groups with ingress and egress rules, tags and an ENI, and every deletion.
 */
class LibcloudEc2ScenarioTest {
    @TempDir
    static Path dataDir;

    @TempDir
    static Path workDir;

    @Test
    void libcloudRunsTheWholeVpcScenarioUnpatched() throws Exception {
        ClientPrerequisites.requireOrSkip("cs", "libcloud");
        try (WeftForClients weft = WeftForClients.start(dataDir)) {
            Map<String, String> environment = new HashMap<>(weft.cloudStackEnvironment());
            environment.putAll(weft.ec2Environment());
            PythonScenario.assertScenarioPassed(PythonScenario.run("libcloud_ec2_scenario.py", environment, workDir));
        }
    }
}
