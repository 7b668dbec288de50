package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SouthboundChassisTest {

    @Test
    void everyHostButTheRealOneIsAChassisWithAGeneveEncapAndItsPortsBound() {
        ArrayNode operations = SouthboundChassis.operations(TinyScenarios.twoHosts(), 0);

        assertThat(operations.toString())
                .isEqualTo("[{\"op\":\"insert\",\"table\":\"Encap\",\"uuid-name\":\"encap1\",\"row\":"
                        + "{\"type\":\"geneve\",\"ip\":\"100.64.0.2\",\"chassis_name\":\"hv-00001\","
                        + "\"options\":[\"map\",[[\"csum\",\"true\"]]]}},"
                        + "{\"op\":\"insert\",\"table\":\"Chassis\",\"uuid-name\":\"chassis1\",\"row\":"
                        + "{\"name\":\"hv-00001\",\"hostname\":\"hv-00001\",\"encaps\":[\"named-uuid\",\"encap1\"]}},"
                        + "{\"op\":\"update\",\"table\":\"Port_Binding\",\"where\":[[\"logical_port\",\"==\",\"nic-vm-000001\"]],"
                        + "\"row\":{\"chassis\":[\"named-uuid\",\"chassis1\"]}}]");
    }

    @Test
    void aGeneratedScenarioGivesAChassisPerOtherHostAndABindingPerOtherNic() {
        Scenario scenario = ScenarioGenerator.generate(ScenarioShape.small(), 1);

        ArrayNode operations = SouthboundChassis.operations(scenario, 0);

        List<String> tables = new ArrayList<>();
        operations.forEach(operation -> tables.add(operation.path("table").asText()));
        assertThat(tables.stream().filter("Chassis"::equals)).hasSize(99);
        assertThat(tables.stream().filter("Encap"::equals)).hasSize(99);
        assertThat(tables.stream().filter("Port_Binding"::equals)).hasSize(990);
        assertThat(operations.toString()).doesNotContain("hv-00000", "nic-vm-000009\"");
        for (JsonNode operation : operations) {
            if (operation.path("table").asText().equals("Port_Binding")) {
                assertThat(operation.path("where").toString()).doesNotContain("nic-vm-00000");
            }
        }
    }
}
