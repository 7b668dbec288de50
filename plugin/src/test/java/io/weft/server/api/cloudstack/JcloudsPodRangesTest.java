package io.weft.server.api.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** jclouds alone gets a pod's ranges as strings; everything else in the answer stays as it was. */
class JcloudsPodRangesTest {
    private static ObjectNode parse(String json) throws Exception {
        return (ObjectNode) CloudStackEnvelopes.mapper().readTree(json);
    }

    @Test
    void onlyJcloudsAndOnlyPodCommandsAreRewritten() {
        String jclouds = "jclouds/2.5.0 java/17.0.13";
        assertThat(JcloudsPodRanges.applies(jclouds, "listPods")).isTrue();
        assertThat(JcloudsPodRanges.applies(jclouds, "createPod")).isTrue();
        assertThat(JcloudsPodRanges.applies(jclouds, "updatePod")).isTrue();
        assertThat(JcloudsPodRanges.applies(jclouds, "listNetworks")).isFalse();
        assertThat(JcloudsPodRanges.applies("Go-http-client/1.1", "listPods")).isFalse();
        assertThat(JcloudsPodRanges.applies("python-requests/2.28.1", "listPods"))
                .isFalse();
        assertThat(JcloudsPodRanges.applies(null, "listPods")).isFalse();
    }

    @Test
    void listedPodsGetTheirFirstRangeAsStrings() throws Exception {
        ObjectNode envelope = parse("{\"listpodsresponse\":{\"count\":2,\"pod\":["
                + "{\"id\":\"a\",\"startip\":[\"10.0.0.10\"],\"endip\":[\"10.0.0.99\"],"
                + "\"ipranges\":[{\"startip\":\"10.0.0.10\",\"endip\":\"10.0.0.99\"}]},"
                + "{\"id\":\"b\",\"startip\":[],\"endip\":[]}]}}");

        JcloudsPodRanges.flatten(envelope);

        assertThat(envelope.toString())
                .isEqualTo("{\"listpodsresponse\":{\"count\":2,\"pod\":["
                        + "{\"id\":\"a\",\"startip\":\"10.0.0.10\",\"endip\":\"10.0.0.99\","
                        + "\"ipranges\":[{\"startip\":\"10.0.0.10\",\"endip\":\"10.0.0.99\"}]},"
                        + "{\"id\":\"b\"}]}}");
    }

    @Test
    void aCreatedPodAndAnErrorAreHandledToo() throws Exception {
        ObjectNode created = parse("{\"createpodresponse\":{\"pod\":{\"id\":\"a\",\"startip\":[\"10.0.0.10\"]}}}");
        JcloudsPodRanges.flatten(created);
        assertThat(created.toString())
                .isEqualTo("{\"createpodresponse\":{\"pod\":{\"id\":\"a\",\"startip\":\"10.0.0.10\"}}}");

        String error = "{\"createpodresponse\":{\"errorcode\":431,\"errortext\":\"bad\"}}";
        ObjectNode failed = parse(error);
        JcloudsPodRanges.flatten(failed);
        assertThat(failed.toString()).isEqualTo(error);
    }
}
