package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.compute.NewVirtualMachine;
import io.weft.server.network.NetworkFixture;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.tenancy.Caller;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AttachNetworkInterface and DetachNetworkInterface as Terraform's {@code aws_network_interface} sends
 * them (attach with DeviceIndex, wait on {@code attachment.attachment-id}, detach with {@code Force}).
 */
class Ec2NetworkInterfaceAttachmentTest {
    private static final String ITEM = "/DescribeNetworkInterfacesResponse/networkInterfaceSet/item";

    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    Ec2ActionsFixture ec2;
    Caller alice;
    String eni;
    String instance;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        ec2 = new Ec2ActionsFixture(fx);
        alice = fx.alice;
        String subnet = ec2.vpcWithSubnet(alice, "10.0.0.0/16", "10.0.1.0/24").get(1);
        eni = ec2.call(alice, "CreateNetworkInterface", "SubnetId", subnet)
                .ok()
                .one("/CreateNetworkInterfaceResponse/networkInterface/networkInterfaceId");
        instance = Ec2Kind.INSTANCE.id(fx.vms
                .register(alice, NewVirtualMachine.of(fx.zone, "vm"))
                .value()
                .id());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Ec2ActionsFixture.Reply describe() {
        return ec2.call(alice, "DescribeNetworkInterfaces", "NetworkInterfaceId.1", eni)
                .ok();
    }

    @Test
    void anAttachedInterfaceIsInUseByItsInstanceUntilDetached() {
        String attachment = ec2.call(
                        alice,
                        "AttachNetworkInterface",
                        "NetworkInterfaceId",
                        eni,
                        "InstanceId",
                        instance,
                        "DeviceIndex",
                        "1")
                .ok()
                .one("/AttachNetworkInterfaceResponse/attachmentId");

        assertThat(attachment).isEqualTo("eni-attach-" + eni.substring("eni-".length()));
        Ec2ActionsFixture.Reply attached = describe();
        assertThat(attached.one(ITEM + "/status")).isEqualTo("in-use");
        assertThat(attached.one(ITEM + "/attachment/instanceId")).isEqualTo(instance);
        assertThat(attached.one(ITEM + "/attachment/deviceIndex")).isEqualTo("1");
        assertThat(ec2.call(
                                alice,
                                "DescribeNetworkInterfaces",
                                "Filter.1.Name",
                                "attachment.attachment-id",
                                "Filter.1.Value.1",
                                attachment)
                        .ok()
                        .all(ITEM + "/networkInterfaceId"))
                .containsExactly(eni);
        assertThat(ec2.call(alice, "DeleteNetworkInterface", "NetworkInterfaceId", eni)
                        .errorCode())
                .isEqualTo("InvalidNetworkInterface.InUse");

        ec2.call(alice, "DetachNetworkInterface", "AttachmentId", attachment, "Force", "true")
                .ok();

        assertThat(describe().one(ITEM + "/status")).isEqualTo("available");
        assertThat(describe().all(ITEM + "/attachment")).isEmpty();
        assertThat(ec2.call(alice, "DetachNetworkInterface", "AttachmentId", attachment, "Force", "true")
                        .errorCode())
                .as("Terraform ignores this code on delete")
                .isEqualTo("InvalidAttachmentID.NotFound");
    }

    @Test
    void anotherTenantsInterfaceOrInstanceIsNotFound() {
        assertThat(ec2.call(
                                fx.bob,
                                "AttachNetworkInterface",
                                "NetworkInterfaceId",
                                eni,
                                "InstanceId",
                                instance,
                                "DeviceIndex",
                                "1")
                        .errorCode())
                .isEqualTo("InvalidNetworkInterfaceID.NotFound");
        assertThat(ec2.call(
                                alice,
                                "AttachNetworkInterface",
                                "NetworkInterfaceId",
                                eni,
                                "InstanceId",
                                "i-00000000000000000",
                                "DeviceIndex",
                                "1")
                        .errorCode())
                .isEqualTo("InvalidInstanceID.NotFound");
        assertThat(ec2.call(alice, "DetachNetworkInterface", "AttachmentId", "eni-attach-nonsense")
                        .errorCode())
                .isEqualTo("InvalidAttachmentID.NotFound");
        assertThat(describe().one(ITEM + "/status")).isEqualTo("available");
    }
}
