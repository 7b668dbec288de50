package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NorthboundTransactionTest {

    private final ArrayNode operations =
            NorthboundTransaction.operations(NorthboundTranslation.of(TinyScenarios.twoHosts()));

    @Test
    void everyRowIsInsertedOnceAndEveryReferenceNamesARowOfTheSameTransaction() {
        Set<String> inserted = new HashSet<>();
        List<String> referenced = new ArrayList<>();
        for (JsonNode operation : operations) {
            assertThat(operation.path("op").asText()).isEqualTo("insert");
            assertThat(inserted.add(operation.path("uuid-name").asText())).isTrue();
            collectNamedUuids(operation.path("row"), referenced);
        }
        assertThat(tables())
                .containsExactly(
                        "Logical_Switch_Port",
                        "Logical_Switch_Port",
                        "Logical_Switch",
                        "Logical_Switch",
                        "ACL",
                        "Port_Group",
                        "ACL",
                        "Port_Group",
                        "ACL",
                        "ACL",
                        "ACL",
                        "Port_Group",
                        "ACL",
                        "ACL",
                        "Port_Group");
        assertThat(inserted).containsAll(referenced);
    }

    @Test
    void aPortCarriesItsAddressAsAddressesAndPortSecurity() {
        JsonNode port = operations.get(0).path("row");

        assertThat(port.toString())
                .isEqualTo("{\"name\":\"nic-vm-000000\",\"addresses\":[\"set\",[\"02:00:00:00:00:01 10.0.0.2\"]],"
                        + "\"port_security\":[\"set\",[\"02:00:00:00:00:01 10.0.0.2\"]]}");
    }

    @Test
    void aPortGroupReferencesItsPortsAndItsOwnAcls() {
        JsonNode front = operations.get(7);

        assertThat(front.path("row").toString())
                .isEqualTo("{\"name\":\"pg_front\",\"ports\":[\"set\",[[\"named-uuid\",\"lsp0\"]]],"
                        + "\"acls\":[\"set\",[[\"named-uuid\",\"acl1\"]]]}");
        assertThat(operations.get(6).path("row").path("match").asText()).contains("@pg_front");
    }

    @Test
    void aMembershipChangeMutatesTheGroupsPortsByUuid() {
        String uuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

        assertThat(NorthboundTransaction.changeMembership("pg_tenant_default", uuid, false)
                        .toString())
                .isEqualTo(
                        "{\"op\":\"mutate\",\"table\":\"Port_Group\",\"where\":[[\"name\",\"==\",\"pg_tenant_default\"]],"
                                + "\"mutations\":[[\"ports\",\"delete\",[\"set\",[[\"uuid\",\"" + uuid + "\"]]]]]}");
        assertThat(NorthboundTransaction.changeMembership("pg_tenant_default", uuid, true)
                        .path("mutations")
                        .get(0)
                        .get(1)
                        .asText())
                .isEqualTo("insert");
    }

    private List<String> tables() {
        List<String> tables = new ArrayList<>();
        operations.forEach(operation -> tables.add(operation.path("table").asText()));
        return tables;
    }

    private static void collectNamedUuids(JsonNode node, List<String> names) {
        if (node.isArray()
                && node.size() == 2
                && "named-uuid".equals(node.get(0).asText())) {
            names.add(node.get(1).asText());
            return;
        }
        node.forEach(child -> collectNamedUuids(child, names));
    }
}
