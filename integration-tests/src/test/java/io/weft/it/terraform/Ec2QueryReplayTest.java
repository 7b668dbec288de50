package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The replay's body is what aws-sdk-go-v2's query encoder writes ({@code aws/protocol/query/encoder.go}
 * {@code Encoder.Encode}): every key sorted byte-wise, {@code Action} and {@code Version} among them,
 * escaped like Go's {@code url.QueryEscape}.
 */
class Ec2QueryReplayTest {
    @Test
    void keysAreSortedWithActionAndVersionAmongThem() {
        String body = Ec2QueryReplay.body(
                "CreateVpc",
                ReplayParams.of(
                        "TagSpecification.1.Tag.1.Value", "tf replay",
                        "TagSpecification.1.Tag.1.Key", "Name",
                        "TagSpecification.1.ResourceType", "vpc",
                        "InstanceTenancy", "default",
                        "CidrBlock", "10.1.0.0/16",
                        "AmazonProvidedIpv6CidrBlock", "false"));

        assertThat(body)
                .isEqualTo("Action=CreateVpc&AmazonProvidedIpv6CidrBlock=false&CidrBlock=10.1.0.0%2F16"
                        + "&InstanceTenancy=default&TagSpecification.1.ResourceType=vpc"
                        + "&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=tf+replay"
                        + "&Version=2016-11-15");
    }

    @Test
    void valuesAreEscapedAsGoEscapesThem() {
        assertThat(Ec2QueryReplay.goQueryEscape("::/0")).isEqualTo("%3A%3A%2F0");
        assertThat(Ec2QueryReplay.goQueryEscape("a~b*c d")).isEqualTo("a~b%2Ac+d");
        assertThat(Ec2QueryReplay.goQueryEscape("-_.")).isEqualTo("-_.");
    }
}
