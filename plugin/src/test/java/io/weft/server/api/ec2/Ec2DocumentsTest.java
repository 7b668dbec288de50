package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ec2DocumentsTest {
    @Test
    void successPutsFieldsDirectlyUnderTheNamespacedRoot() {
        String xml = Ec2Documents.success(
                "CreateSecurityGroupResponse", "2016-11-15", "req-1", out -> out.leaf("return", true)
                        .leaf("groupId", "sg-0123")
                        .set("tagSet", List.of("a"), (item, key) -> item.leaf("key", key)
                                .leaf("value", "v")));

        assertThat(xml)
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<CreateSecurityGroupResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                        + "<requestId>req-1</requestId><return>true</return><groupId>sg-0123</groupId>"
                        + "<tagSet><item><key>a</key><value>v</value></item></tagSet>"
                        + "</CreateSecurityGroupResponse>");
    }

    @Test
    void errorUsesTheResponseErrorsShapeTheSdkReads() {
        assertThat(Ec2Documents.error("InvalidGroup.NotFound", "The security group 'sg-1' does not exist", "r"))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                        + "<Code>InvalidGroup.NotFound</Code><Message>The security group &apos;sg-1&apos; does not"
                        + " exist</Message></Error></Errors><RequestID>r</RequestID></Response>");
    }

    @Test
    void textIsEscapedAndAbsentValuesAreLeftOut() {
        String xml = new XmlOut()
                .start("a")
                .leaf("b", "<x & \"y\">\u0001")
                .leaf("c", Optional.empty())
                .set("emptySet", List.<String>of(), (item, s) -> {})
                .end()
                .text();

        assertThat(xml).isEqualTo("<a><b>&lt;x &amp; &quot;y&quot;&gt;</b><emptySet></emptySet></a>");
    }
}
