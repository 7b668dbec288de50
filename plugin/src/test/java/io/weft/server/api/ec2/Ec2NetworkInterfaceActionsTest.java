package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.network.NetworkFixture;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.tenancy.Caller;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENI descriptions and ClientToken idempotency through the EC2 edge over the real services. */
class Ec2NetworkInterfaceActionsTest {
    private static final String CREATED = "/CreateNetworkInterfaceResponse/networkInterface";
    private static final String LISTED = "/DescribeNetworkInterfacesResponse/networkInterfaceSet/item";

    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    Ec2ActionsFixture ec2;
    Caller alice;
    String subnet;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        ec2 = new Ec2ActionsFixture(fx);
        alice = fx.alice;
        subnet = ec2.vpcWithSubnet(alice, "10.0.0.0/16", "10.0.1.0/24").get(1);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Ec2ActionsFixture.Reply create(Caller caller, String... pairs) {
        return ec2.call(caller, "CreateNetworkInterface", pairs);
    }

    private List<String> describe(String... pairs) {
        return ec2.call(alice, "DescribeNetworkInterfaces", pairs).ok().all(LISTED + "/networkInterfaceId");
    }

    private String description(String eni) {
        return ec2.call(alice, "DescribeNetworkInterfaces", "NetworkInterfaceId.1", eni)
                .ok()
                .one(LISTED + "/description");
    }

    @Test
    void aDescriptionIsCreatedShownChangedAndFilteredBy() {
        Ec2ActionsFixture.Reply created =
                create(alice, "SubnetId", subnet, "Description", "front end").ok();
        String front = created.one(CREATED + "/networkInterfaceId");
        String back = create(alice, "SubnetId", subnet, "Description", "back end")
                .ok()
                .one(CREATED + "/networkInterfaceId");
        assertThat(created.one(CREATED + "/description")).isEqualTo("front end");
        assertThat(description(front)).isEqualTo("front end");
        assertThat(describe("Filter.1.Name", "description", "Filter.1.Value.1", "front*"))
                .containsExactly(front);

        int changesBefore = fx.changes().size();
        ec2.call(alice, "ModifyNetworkInterfaceAttribute", "NetworkInterfaceId", front, "Description.Value", "edge")
                .ok();
        assertThat(description(front)).isEqualTo("edge");
        assertThat(description(back)).isEqualTo("back end");
        assertThat(describe("Filter.1.Name", "description", "Filter.1.Value.1", "edge", "Filter.1.Value.2", "back end"))
                .containsExactlyInAnyOrder(front, back);
        assertThat(describe("Filter.1.Name", "description", "Filter.1.Value.1", "front*"))
                .isEmpty();
        assertThat(fx.changesAfter(changesBefore))
                .as("hosts never see a description")
                .isEmpty();

        assertThat(ec2.call(
                                alice,
                                "ModifyNetworkInterfaceAttribute",
                                "NetworkInterfaceId",
                                front,
                                "Description.Value",
                                "x".repeat(256))
                        .errorCode())
                .isEqualTo("InvalidParameterValue");
        assertThat(description(front)).isEqualTo("edge");
        ec2.call(alice, "ModifyNetworkInterfaceAttribute", "NetworkInterfaceId", front, "Description.Value", "")
                .ok();
        assertThat(description(front)).isEmpty();
    }

    @Test
    void aRetryWithTheSameClientTokenAnswersTheFirstInterfaceAndCreatesNothing() {
        String[] request = {"SubnetId", subnet, "Description", "web", "ClientToken", "token-1"};
        Ec2ActionsFixture.Reply first = create(alice, request).ok();
        String eni = first.one(CREATED + "/networkInterfaceId");
        int changesBefore = fx.changes().size();

        Ec2ActionsFixture.Reply retry = create(alice, request).ok();

        assertThat(retry.one(CREATED + "/networkInterfaceId")).isEqualTo(eni);
        assertThat(retry.one(CREATED + "/privateIpAddress")).isEqualTo(first.one(CREATED + "/privateIpAddress"));
        assertThat(retry.one("/CreateNetworkInterfaceResponse/clientToken")).isEqualTo("token-1");
        assertThat(describe()).containsExactly(eni);
        assertThat(fx.changesAfter(changesBefore)).isEmpty();
    }

    @Test
    void theSameClientTokenWithOtherParametersIsIdempotentParameterMismatch() {
        String eni = create(alice, "SubnetId", subnet, "Description", "web", "ClientToken", "token-1")
                .ok()
                .one(CREATED + "/networkInterfaceId");

        Ec2ActionsFixture.Reply other =
                create(alice, "SubnetId", subnet, "Description", "db", "ClientToken", "token-1");

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorCode()).isEqualTo("IdempotentParameterMismatch");
        assertThat(describe()).containsExactly(eni);
        assertThat(description(eni)).isEqualTo("web");
    }

    @Test
    void clientTokensArePerAccount() {
        String bobsSubnet =
                ec2.vpcWithSubnet(fx.bob, "10.0.0.0/16", "10.0.1.0/24").get(1);
        String alices =
                create(alice, "SubnetId", subnet, "ClientToken", "shared").ok().one(CREATED + "/networkInterfaceId");

        String bobs = create(fx.bob, "SubnetId", bobsSubnet, "ClientToken", "shared")
                .ok()
                .one(CREATED + "/networkInterfaceId");

        assertThat(bobs).isNotEqualTo(alices);
        assertThat(describe()).containsExactly(alices);
    }

    @Test
    void aClientTokenLongerThan64CharactersIsInvalid() {
        assertThat(create(alice, "SubnetId", subnet, "ClientToken", "t".repeat(65))
                        .errorCode())
                .isEqualTo("InvalidParameterValue");
        assertThat(describe()).isEmpty();
    }

    @Test
    void theRequestHashIgnoresTheTokenDryRunAndVersionAndNeverChanges() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("Action", "CreateNetworkInterface");
        request.put("SubnetId", "subnet-0123456789abcdef0");
        request.put("Description", "a & b = c");
        Map<String, String> resent = new LinkedHashMap<>();
        resent.put("Version", "2016-11-15");
        resent.put("ClientToken", "token-1");
        resent.put("Description", "a & b = c");
        resent.put("DryRun", "false");
        resent.put("SubnetId", "subnet-0123456789abcdef0");
        resent.put("Action", "CreateNetworkInterface");
        Map<String, String> other = new LinkedHashMap<>(request);
        other.put("Description", "a & b = d");

        String hash = NetworkInterfaceActions.requestHash(new Ec2Params(request));

        assertThat(NetworkInterfaceActions.requestHash(new Ec2Params(resent))).isEqualTo(hash);
        assertThat(NetworkInterfaceActions.requestHash(new Ec2Params(other))).isNotEqualTo(hash);
        // Stored with the NIC: a new release must compute the same hash for the same request.
        assertThat(hash).isEqualTo("9ff12527aea423b08cc2380d12787fc2310e039048b6ef0ff69027c1298d8d75");
    }
}
