package io.weft.it.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.weft.server.tenancy.UserKeys;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/**
 * CreateNetworkInterface with a ClientToken, as the unmodified SDK sends it: a retry answers the first
 * interface, also after the server restarts; the token with other parameters is refused.
 */
class Ec2ClientTokenTest {
    @TempDir
    Path dataDir;

    @Test
    void aRetriedCreateAnswersTheFirstInterfaceAcrossARestartAndOtherParametersAreAMismatch() {
        UserKeys alice;
        String subnet;
        String eni;
        try (Ec2Server weft = new Ec2Server(dataDir)) {
            alice = weft.tenant("alice");
            try (Ec2Client ec2 = weft.client(alice)) {
                String vpc =
                        ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
                subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24"))
                        .subnet()
                        .subnetId();
                Consumer<CreateNetworkInterfaceRequest.Builder> request = create(subnet, "web", "retry-1");
                CreateNetworkInterfaceResponse first = ec2.createNetworkInterface(request);
                eni = first.networkInterface().networkInterfaceId();

                CreateNetworkInterfaceResponse retry = ec2.createNetworkInterface(request);

                assertThat(retry.networkInterface().networkInterfaceId()).isEqualTo(eni);
                assertThat(retry.clientToken()).isEqualTo("retry-1");
                assertThatThrownBy(() -> ec2.createNetworkInterface(create(subnet, "db", "retry-1")))
                        .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatch");
                        });
            }
        }

        try (Ec2Server weft = Ec2Server.restart(dataDir);
                Ec2Client ec2 = weft.client(alice)) {
            String afterRestart = ec2.createNetworkInterface(create(subnet, "web", "retry-1"))
                    .networkInterface()
                    .networkInterfaceId();

            assertThat(afterRestart).isEqualTo(eni);
            assertThat(ec2.describeNetworkInterfaces().networkInterfaces())
                    .extracting(NetworkInterface::networkInterfaceId, NetworkInterface::description)
                    .containsExactly(tuple(eni, "web"));
        }
    }

    private static Consumer<CreateNetworkInterfaceRequest.Builder> create(
            String subnet, String description, String token) {
        return r -> r.subnetId(subnet).description(description).clientToken(token);
    }
}
