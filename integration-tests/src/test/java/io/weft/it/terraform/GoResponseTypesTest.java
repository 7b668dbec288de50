package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Go type check finds what encoding/json would refuse, nested included, and only that. */
class GoResponseTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GoResponseTypes types = GoResponseTypes.get();

    @Test
    void aVmAsCloudStackSendsItFits() throws Exception {
        JsonNode vm = JSON.readTree(
                """
                {"id":"8b64c15c-4f3d-4c5b-b8a9-7547402084ed","name":"web","cpunumber":1,"memory":512,
                 "deleteprotection":false,"details":{"cpuOvercommitRatio":"2"},"unknownfield":[1,2],
                 "nic":[{"id":"n","deviceid":"0","isdefault":true,"vlanid":100}],
                 "securitygroup":[{"id":"g","name":"default","ingressrule":[{"startport":80}]}],
                 "tags":[{"key":"role","value":"web"}],"icon":{"base64image":"x"},"hostid":null}
                """);

        assertThat(types.mismatches("VirtualMachine", vm)).isEmpty();
    }

    @Test
    void wrongKindsAreNamedWithTheirPath() throws Exception {
        JsonNode vm = JSON.readTree(
                """
                {"id":7,"memory":1.5,"deleteprotection":"false","details":[],
                 "nic":[{"deviceid":0}],"securitygroup":[{"ingressrule":[{"startport":"80"}]}],"tags":{}}
                """);

        assertThat(types.mismatches("VirtualMachine", vm))
                .containsExactlyInAnyOrder(
                        "VirtualMachine.id: Go string cannot take JSON NUMBER 7",
                        "VirtualMachine.memory: Go int cannot take JSON NUMBER 1.5",
                        "VirtualMachine.deleteprotection: Go bool cannot take JSON STRING \"false\"",
                        "VirtualMachine.details: map[string]string wants an object, got ARRAY []",
                        "VirtualMachine.nic[0].deviceid: Go string cannot take JSON NUMBER 0",
                        "VirtualMachine.securitygroup[0].ingressrule[0].startport: Go int cannot take JSON STRING \"80\"",
                        "VirtualMachine.tags: []Tags wants an array, got OBJECT {}");
    }
}
