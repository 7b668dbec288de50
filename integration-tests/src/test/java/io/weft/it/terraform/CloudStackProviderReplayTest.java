package io.weft.it.terraform;

import io.weft.testsupport.Steps;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform CloudStack provider (github.com/apache/cloudstack-terraform-provider over
 * github.com/apache/cloudstack-go) cannot run here, so each resource's lifecycle is replayed: the
 * requests its Create, Read, Update and Delete functions send, in order, with the parameter names
 * and values they send for the configuration in each replay's javadoc, signed and sent as
 * cloudstack-go does, and every reply decoded against cloudstack-go's Go types. A resource whose
 * attributes all force a new resource (no Update function) is updated the way Terraform does it:
 * destroy, then create. After the delete, a Read must report the object gone (so that Terraform
 * drops it from the state), and a repeated delete must fail with the text the provider takes for
 * "already gone".
 */
class CloudStackProviderReplayTest {
    @TempDir
    static Path dataDir;

    private static ProviderWorld world;

    @BeforeAll
    static void start() {
        world = ProviderWorld.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    /** {@code cloudstack_network}: see {@link NetworkResourceReplay}. */
    @Test
    void network() {
        NetworkResourceReplay network = new NetworkResourceReplay(world);
        Steps.of("cloudstack_network")
                .step("create: resourceCloudStackNetworkCreate", network::create)
                .step("read: resourceCloudStackNetworkRead", () -> network.read("tf-web", "test"))
                .step("update: resourceCloudStackNetworkUpdate", network::update)
                .step("read: resourceCloudStackNetworkRead", () -> network.read("Web tier", "prod"))
                .step("delete: resourceCloudStackNetworkDelete", network::delete)
                .step("read after delete: resourceCloudStackNetworkRead clears the state", network::readGone);
    }

    /** {@code cloudstack_security_group}: see {@link SecurityGroupResourceReplay}. */
    @Test
    void securityGroup() {
        SecurityGroupResourceReplay group = new SecurityGroupResourceReplay(world);
        Steps.of("cloudstack_security_group")
                .step("create: resourceCloudStackSecurityGroupCreate", () -> group.create("Web servers"))
                .step("read: resourceCloudStackSecurityGroupRead", () -> group.read("Web servers"))
                .step(
                        "update by replacement: resourceCloudStackSecurityGroupDelete, then Create",
                        () -> group.replace("Web and API servers"))
                .step("read: resourceCloudStackSecurityGroupRead", () -> group.read("Web and API servers"))
                .step("delete: resourceCloudStackSecurityGroupDelete", group::delete)
                .step("read after delete: resourceCloudStackSecurityGroupRead clears the state", group::readGone);
    }

    /** {@code cloudstack_security_group_rule}: see {@link SecurityGroupRuleResourceReplay}. */
    @Test
    void securityGroupRule() {
        SecurityGroupRuleResourceReplay rules = new SecurityGroupRuleResourceReplay(world);
        Steps.of("cloudstack_security_group_rule")
                .step("the groups: resourceCloudStackSecurityGroupCreate", rules::createGroups)
                .step("create: resourceCloudStackSecurityGroupRuleCreate", rules::create)
                .step("read: resourceCloudStackSecurityGroupRuleRead", rules::read)
                .step("update: resourceCloudStackSecurityGroupRuleUpdate", rules::update)
                .step("read: resourceCloudStackSecurityGroupRuleRead", rules::read)
                .step("delete: resourceCloudStackSecurityGroupRuleDelete", rules::delete)
                .step("read after delete: resourceCloudStackSecurityGroupRuleRead drops every uuid", rules::readGone);
    }

    /** {@code cloudstack_instance}: see {@link InstanceResourceReplay}. */
    @Test
    void instance() {
        InstanceResourceReplay instance = new InstanceResourceReplay(world);
        Steps.of("cloudstack_instance")
                .step("its network and security group", instance::dependencies)
                .step("create: resourceCloudStackInstanceCreate", instance::create)
                .step(
                        "read: resourceCloudStackInstanceRead",
                        () -> instance.read(
                                InstanceResourceReplay.NAME, "Web 1", "web", ProviderWorld.SERVICE_OFFERING, "web"))
                .step("update: resourceCloudStackInstanceUpdate", instance::update)
                .step(
                        "read: resourceCloudStackInstanceRead",
                        () -> instance.read(
                                InstanceResourceReplay.NAME,
                                "Web one",
                                "frontend",
                                ProviderWorld.SERVICE_OFFERING,
                                "frontend"))
                .step(
                        "update needing a stop: resourceCloudStackInstanceUpdate (name, service_offering)",
                        instance::updateWhileStopped)
                .step(
                        "read: resourceCloudStackInstanceRead",
                        () -> instance.read(
                                InstanceResourceReplay.NEW_NAME,
                                "Web one",
                                "frontend",
                                ProviderWorld.BIGGER_SERVICE_OFFERING,
                                "frontend"))
                .step("delete: resourceCloudStackInstanceDelete", instance::delete)
                .step("read after delete: resourceCloudStackInstanceRead clears the state", instance::readGone);
    }

    /** {@code cloudstack_nic}: see {@link NicResourceReplay}. */
    @Test
    void nic() {
        NicResourceReplay nic = new NicResourceReplay(world);
        Steps.of("cloudstack_nic")
                .step("its networks and instance", nic::dependencies)
                .step("create: resourceCloudStackNICCreate", () -> nic.create("10.1.5.50"))
                .step("read: resourceCloudStackNICRead", () -> nic.read("10.1.5.50"))
                .step("update by replacement: resourceCloudStackNICDelete, then Create", () -> nic.replace("10.1.5.51"))
                .step("read: resourceCloudStackNICRead", () -> nic.read("10.1.5.51"))
                .step("delete: resourceCloudStackNICDelete", nic::delete)
                .step("read after delete: resourceCloudStackNICRead clears the state", nic::readGone);
    }
}
