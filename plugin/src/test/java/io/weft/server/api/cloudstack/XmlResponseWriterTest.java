package io.weft.server.api.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlResponseWriterTest {
    @Test
    void listIsCountThenOneElementPerItem() {
        record Zone(String id, String name) {}
        var envelope = CloudStackEnvelopes.wrap(
                "listzonesresponse",
                CloudStackEnvelopes.body(CloudStackResult.list("zone", List.of(new Zone("z1", "a<b")), 1)));

        assertThat(XmlResponseWriter.write(envelope, "4.19.0.0"))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<listzonesresponse cloud-stack-version=\"4.19.0.0\"><count>1</count>"
                        + "<zone><id>z1</id><name>a&lt;b</name></zone></listzonesresponse>");
    }

    @Test
    void errorKeepsCodesAndDropsTheEmptyUuidList() {
        var envelope = CloudStackEnvelopes.wrap(
                "errorresponse",
                CloudStackEnvelopes.errorBody(new CloudStackError(432, 9999), "Unknown API command: x"));

        assertThat(XmlResponseWriter.write(envelope, "4.19.0.0"))
                .isEqualTo(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<errorresponse cloud-stack-version=\"4.19.0.0\"><errorcode>432</errorcode>"
                                + "<cserrorcode>9999</cserrorcode><errortext>Unknown API command: x</errortext></errorresponse>");
    }
}
