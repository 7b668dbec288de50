package io.weft.spec.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValidatorTest {
    private static final CloudStackCatalogue CATALOGUE = CloudStackCatalogue.load();
    private static final String VM = "6f9c2a34-1b7e-4c1a-9d7e-3f2b8a9c0d11";
    private static final String NETWORK = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Test
    void missingRequiredParameterUsesCloudStacksText() {
        ParameterProblem problem = problem("listNics", Map.of()).orElseThrow();

        assertThat(problem.kind()).isEqualTo(ParameterProblem.Kind.MISSING);
        assertThat(problem.parameter()).isEqualTo("virtualmachineid");
        assertThat(problem.message())
                .isEqualTo("Unable to execute API command listnics due to missing parameter virtualmachineid");
    }

    @Test
    void emptyValueCountsAsMissing() {
        assertThat(problem("listNics", Map.of("virtualmachineid", "")))
                .map(ParameterProblem::kind)
                .contains(ParameterProblem.Kind.MISSING);
    }

    @Test
    void namesAreMatchedIgnoringCase() {
        assertThat(problem("listNics", Map.of("VirtualMachineId", VM))).isEmpty();
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(problem("listNics", Map.of("virtualmachineid", VM, "filter", "id,name", "response", "json")))
                .isEmpty();
    }

    @Test
    void malformedUuidIsReportedWithTheParameterName() {
        ParameterProblem problem =
                problem("listNics", Map.of("virtualmachineid", "42")).orElseThrow();

        assertThat(problem.kind()).isEqualTo(ParameterProblem.Kind.MALFORMED);
        assertThat(problem.parameter()).isEqualTo("virtualmachineid");
        assertThat(problem.message())
                .contains("virtualmachineid")
                .contains("value=42")
                .contains("UUID");
    }

    @Test
    void malformedIntegerAndDateAreReported() {
        assertThat(problem("authorizeSecurityGroupIngress", Map.of("startport", "ssh")))
                .map(ParameterProblem::parameter)
                .contains("startport");
        assertThat(problem("listAsyncJobs", Map.of("startdate", "yesterday")))
                .map(ParameterProblem::parameter)
                .contains("startdate");
    }

    @Test
    void anyBooleanValuePassesAsCloudStackTakesEveryOtherStringAsFalse() {
        // Libcloud's ex_delete_network sends forced=None.
        assertThat(problem("deleteNetwork", Map.of("id", NETWORK, "forced", "None")))
                .isEmpty();
        assertThat(problem("deleteNetwork", Map.of("id", NETWORK, "forced", "yes")))
                .isEmpty();
    }

    @Test
    void projectIdMinusOneMeansEveryProject() {
        assertThat(problem("listNetworks", Map.of("projectid", "-1"))).isEmpty();
        assertThat(problem("listNetworks", Map.of("projectid", "-2")))
                .map(ParameterProblem::parameter)
                .contains("projectid");
    }

    @Test
    void wellFormedScalarsPass() {
        assertThat(problem(
                        "authorizeSecurityGroupIngress",
                        Map.of("protocol", "ICMP", "icmptype", "-1", "icmpcode", "-1")))
                .isEmpty();
        assertThat(problem("deleteNetwork", Map.of("id", NETWORK.toUpperCase(), "forced", "TRUE")))
                .isEmpty();
        assertThat(problem("listAsyncJobs", Map.of("startdate", "2024-05-01T10:00:00+0000")))
                .isEmpty();
        assertThat(problem("listAsyncJobs", Map.of("startdate", "2024-05-01"))).isEmpty();
    }

    @Test
    void listValuesAreCommaSeparatedAndUuidListsCheckEachElement() {
        assertThat(problem("authorizeSecurityGroupIngress", Map.of("cidrlist", "10.0.0.0/8,192.168.0.0/16")))
                .isEmpty();
        assertThat(problem("updateVirtualMachine", Map.of("id", VM, "securitygroupids", VM + "," + NETWORK)))
                .isEmpty();

        ParameterProblem problem = problem("updateVirtualMachine", Map.of("id", VM, "securitygroupids", VM + ",web"))
                .orElseThrow();

        assertThat(problem.kind()).isEqualTo(ParameterProblem.Kind.MALFORMED);
        assertThat(problem.parameter()).isEqualTo("securitygroupids");
    }

    @Test
    void mapParametersAreIndexedEntries() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("resourceids", NETWORK);
        params.put("resourcetype", "Network");
        params.put("tags[0].key", "env");
        params.put("tags[0].value", "prod");
        params.put("Tags[1].Key", "team");
        params.put("tags[1].value", "net");

        assertThat(problem("createTags", params)).isEmpty();
        assertThat(problem(
                        "authorizeSecurityGroupIngress",
                        Map.of("usersecuritygrouplist[0].account", "admin", "usersecuritygrouplist[0].group", "web")))
                .isEmpty();
    }

    @Test
    void requiredMapWithoutEntriesIsMissing() {
        ParameterProblem problem = problem("createTags", Map.of("resourceids", NETWORK, "resourcetype", "Network"))
                .orElseThrow();

        assertThat(problem.kind()).isEqualTo(ParameterProblem.Kind.MISSING);
        assertThat(problem.message())
                .isEqualTo("Unable to execute API command createtags due to missing parameter tags");
    }

    @Test
    void mapGivenAsPlainValueOrBadIndexIsMalformed() {
        assertThat(problem("createTags", Map.of("resourceids", NETWORK, "resourcetype", "Network", "tags", "env")))
                .map(ParameterProblem::kind)
                .contains(ParameterProblem.Kind.MALFORMED);
        assertThat(problem(
                        "createTags",
                        Map.of("resourceids", NETWORK, "resourcetype", "Network", "tags[first].key", "env")))
                .map(ParameterProblem::kind)
                .contains(ParameterProblem.Kind.MALFORMED);
    }

    @Test
    void stringLongerThanItsLengthIsMalformed() {
        ParameterProblem problem =
                problem("createSecurityGroup", Map.of("name", "x".repeat(256))).orElseThrow();

        assertThat(problem.kind()).isEqualTo(ParameterProblem.Kind.MALFORMED);
        assertThat(problem.message()).isEqualTo("Value greater than max allowed length 255 for param: name");
        assertThat(problem("createSecurityGroup", Map.of("name", "x".repeat(255))))
                .isEmpty();
    }

    @Test
    void firstProblemFollowsDeclarationOrder() {
        assertThat(problem("addNicToVirtualMachine", Map.of("networkid", "bad")))
                .map(ParameterProblem::parameter)
                .contains("virtualmachineid");
    }

    private static Optional<ParameterProblem> problem(String command, Map<String, String> params) {
        return ParameterValidator.firstProblem(CATALOGUE.command(command).orElseThrow(), params);
    }
}
