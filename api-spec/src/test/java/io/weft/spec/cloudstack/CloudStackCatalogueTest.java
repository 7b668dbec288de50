package io.weft.spec.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.spec.CatalogueException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CloudStackCatalogueTest {
    private static final CloudStackCatalogue CATALOGUE = CloudStackCatalogue.load();

    /** API-COMPAT.md §2 ([S]/[A]/[AC]) and CloudStack's own flags for the commands §2 does not mark. */
    private static final Map<String, Execution> EXECUTION = Map.ofEntries(
            Map.entry("listApis", Execution.SYNC),
            Map.entry("listCapabilities", Execution.SYNC),
            Map.entry("createDomain", Execution.SYNC),
            Map.entry("listDomains", Execution.SYNC),
            Map.entry("deleteDomain", Execution.ASYNC),
            Map.entry("createAccount", Execution.SYNC),
            Map.entry("listAccounts", Execution.SYNC),
            Map.entry("deleteAccount", Execution.ASYNC),
            Map.entry("updateAccount", Execution.SYNC),
            Map.entry("enableAccount", Execution.SYNC),
            Map.entry("disableAccount", Execution.ASYNC),
            Map.entry("createUser", Execution.SYNC),
            Map.entry("listUsers", Execution.SYNC),
            Map.entry("registerUserKeys", Execution.SYNC),
            Map.entry("getUserKeys", Execution.SYNC),
            Map.entry("updateUser", Execution.SYNC),
            Map.entry("enableUser", Execution.SYNC),
            Map.entry("disableUser", Execution.ASYNC),
            Map.entry("lockUser", Execution.SYNC),
            Map.entry("deleteUser", Execution.SYNC),
            Map.entry("createZone", Execution.SYNC),
            Map.entry("listZones", Execution.SYNC),
            Map.entry("updateZone", Execution.SYNC),
            Map.entry("deleteZone", Execution.SYNC),
            Map.entry("createPod", Execution.SYNC),
            Map.entry("listPods", Execution.SYNC),
            Map.entry("updatePod", Execution.SYNC),
            Map.entry("deletePod", Execution.SYNC),
            Map.entry("addCluster", Execution.SYNC),
            Map.entry("listClusters", Execution.SYNC),
            Map.entry("deleteCluster", Execution.SYNC),
            Map.entry("addHost", Execution.SYNC),
            Map.entry("listHosts", Execution.SYNC),
            Map.entry("deleteHost", Execution.SYNC),
            Map.entry("updateCluster", Execution.SYNC),
            Map.entry("updateHost", Execution.SYNC),
            Map.entry("prepareHostForMaintenance", Execution.ASYNC),
            Map.entry("cancelHostMaintenance", Execution.ASYNC),
            Map.entry("listNetworkOfferings", Execution.SYNC),
            Map.entry("createNetwork", Execution.SYNC),
            Map.entry("listNetworks", Execution.SYNC),
            Map.entry("updateNetwork", Execution.ASYNC),
            Map.entry("deleteNetwork", Execution.ASYNC),
            Map.entry("createSecurityGroup", Execution.SYNC),
            Map.entry("listSecurityGroups", Execution.SYNC),
            Map.entry("updateSecurityGroup", Execution.SYNC),
            Map.entry("deleteSecurityGroup", Execution.SYNC),
            Map.entry("authorizeSecurityGroupIngress", Execution.ASYNC),
            Map.entry("authorizeSecurityGroupEgress", Execution.ASYNC),
            Map.entry("revokeSecurityGroupIngress", Execution.ASYNC),
            Map.entry("revokeSecurityGroupEgress", Execution.ASYNC),
            Map.entry("deployVirtualMachine", Execution.ASYNC_CREATE),
            Map.entry("listVirtualMachines", Execution.SYNC),
            Map.entry("destroyVirtualMachine", Execution.ASYNC),
            Map.entry("listVolumes", Execution.SYNC),
            Map.entry("startVirtualMachine", Execution.ASYNC),
            Map.entry("stopVirtualMachine", Execution.ASYNC),
            Map.entry("rebootVirtualMachine", Execution.ASYNC),
            Map.entry("updateVirtualMachine", Execution.SYNC),
            Map.entry("changeServiceForVirtualMachine", Execution.SYNC),
            Map.entry("migrateVirtualMachine", Execution.ASYNC),
            Map.entry("listNics", Execution.SYNC),
            Map.entry("addNicToVirtualMachine", Execution.ASYNC),
            Map.entry("removeNicFromVirtualMachine", Execution.ASYNC),
            Map.entry("createTags", Execution.ASYNC),
            Map.entry("deleteTags", Execution.ASYNC),
            Map.entry("listTags", Execution.SYNC),
            Map.entry("listPublicIpAddresses", Execution.SYNC),
            Map.entry("listPortForwardingRules", Execution.SYNC),
            Map.entry("listIpForwardingRules", Execution.SYNC),
            Map.entry("listFirewallRules", Execution.SYNC),
            Map.entry("listEgressFirewallRules", Execution.SYNC),
            Map.entry("listLoadBalancerRules", Execution.SYNC),
            Map.entry("listVPCs", Execution.SYNC),
            Map.entry("listProjects", Execution.SYNC),
            Map.entry("listNetworkACLLists", Execution.SYNC),
            Map.entry("listAffinityGroups", Execution.SYNC),
            Map.entry("listSSHKeyPairs", Execution.SYNC),
            Map.entry("listRoles", Execution.SYNC),
            Map.entry("queryAsyncJobResult", Execution.SYNC),
            Map.entry("listAsyncJobs", Execution.SYNC),
            Map.entry("listConfigurations", Execution.SYNC),
            Map.entry("createServiceOffering", Execution.SYNC),
            Map.entry("listServiceOfferings", Execution.SYNC),
            Map.entry("updateServiceOffering", Execution.SYNC),
            Map.entry("deleteServiceOffering", Execution.SYNC),
            Map.entry("registerTemplate", Execution.SYNC),
            Map.entry("listTemplates", Execution.SYNC),
            Map.entry("deleteTemplate", Execution.ASYNC),
            Map.entry("listIsos", Execution.SYNC),
            Map.entry("listOsTypes", Execution.SYNC),
            Map.entry("listHypervisors", Execution.SYNC),
            Map.entry("listDiskOfferings", Execution.SYNC));

    /** Required parameters per API-COMPAT.md §2, with the jclouds exceptions (podid on addCluster and addHost). */
    private static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("createZone", Set.of("name", "networktype", "dns1", "internaldns1")),
            Map.entry("updateZone", Set.of("id")),
            Map.entry("deleteZone", Set.of("id")),
            Map.entry("createPod", Set.of("name", "zoneid")),
            Map.entry("addCluster", Set.of("zoneid", "clustername", "clustertype", "hypervisor")),
            Map.entry("addHost", Set.of("zoneid", "url", "hypervisor")),
            Map.entry("createNetwork", Set.of("name", "zoneid", "networkofferingid")),
            Map.entry("updateNetwork", Set.of("id")),
            Map.entry("deleteNetwork", Set.of("id")),
            Map.entry("createSecurityGroup", Set.of("name")),
            Map.entry("listSecurityGroups", Set.of()),
            Map.entry("deleteSecurityGroup", Set.of()),
            Map.entry("authorizeSecurityGroupIngress", Set.of()),
            Map.entry("authorizeSecurityGroupEgress", Set.of()),
            Map.entry("revokeSecurityGroupIngress", Set.of("id")),
            Map.entry("revokeSecurityGroupEgress", Set.of("id")),
            Map.entry("updateSecurityGroup", Set.of("id")),
            Map.entry("deployVirtualMachine", Set.of("zoneid", "serviceofferingid", "templateid")),
            Map.entry("listNics", Set.of("virtualmachineid")),
            Map.entry("addNicToVirtualMachine", Set.of("virtualmachineid", "networkid")),
            Map.entry("removeNicFromVirtualMachine", Set.of("virtualmachineid", "nicid")),
            Map.entry("createAccount", Set.of("username", "password", "email", "firstname", "lastname")),
            Map.entry("createUser", Set.of("account", "username", "password", "email", "firstname", "lastname")),
            Map.entry("registerUserKeys", Set.of("id")),
            Map.entry("getUserKeys", Set.of("id")),
            Map.entry("createDomain", Set.of("name")),
            Map.entry("queryAsyncJobResult", Set.of("jobid")),
            Map.entry("createServiceOffering", Set.of("name", "cpunumber", "cpuspeed", "memory")),
            Map.entry("registerTemplate", Set.of("name", "format", "hypervisor", "url")),
            Map.entry("listTemplates", Set.of("templatefilter")),
            Map.entry("deleteTemplate", Set.of("id")),
            Map.entry("listApis", Set.of()));

    @Test
    void catalogueHoldsExactlyTheCommandsOfTheBrief() {
        assertThat(CATALOGUE.commands())
                .extracting(CommandSpec::name)
                .containsExactlyInAnyOrderElementsOf(EXECUTION.keySet());
    }

    @Test
    void commandsAreSortedByName() {
        List<String> names =
                CATALOGUE.commands().stream().map(CommandSpec::name).toList();
        assertThat(names).isSorted();
    }

    @Test
    void executionMatchesApiCompatSectionTwo() {
        for (CommandSpec command : CATALOGUE.commands()) {
            assertThat(command.execution()).as(command.name()).isEqualTo(EXECUTION.get(command.name()));
            assertThat(command.async()).as(command.name()).isEqualTo(EXECUTION.get(command.name()) != Execution.SYNC);
        }
    }

    @Test
    void requiredParametersMatchApiCompatSectionTwo() {
        REQUIRED.forEach((name, required) -> {
            CommandSpec command = CATALOGUE.command(name).orElseThrow();
            Set<String> actual = command.params().stream()
                    .filter(ParamSpec::required)
                    .map(ParamSpec::name)
                    .collect(Collectors.toSet());
            assertThat(actual).as(name).isEqualTo(required);
        });
    }

    @Test
    void podIdIsOptionalButAcceptedBecauseJcloudsOmitsIt() {
        for (String name : List.of("addCluster", "addHost")) {
            ParamSpec podId =
                    CATALOGUE.command(name).orElseThrow().param("podid").orElseThrow();
            assertThat(podId.required()).as(name).isFalse();
        }
    }

    @Test
    void parametersJcloudsSendsAreDeclared() {
        Map<String, List<String>> sent = Map.of(
                "createNetwork",
                List.of(
                        "zoneid",
                        "networkofferingid",
                        "name",
                        "displaytext",
                        "vlan",
                        "gateway",
                        "netmask",
                        "startip",
                        "endip",
                        "isdefault",
                        "isshared",
                        "networkdomain",
                        "account",
                        "domainid"),
                "deployVirtualMachine",
                List.of(
                        "networkids",
                        "securitygroupids",
                        "iptonetworklist",
                        "ipaddress",
                        "keypair",
                        "name",
                        "displayname",
                        "group",
                        "userdata",
                        "account",
                        "domainid"),
                "authorizeSecurityGroupIngress",
                List.of(
                        "securitygroupid",
                        "protocol",
                        "startport",
                        "endport",
                        "cidrlist",
                        "usersecuritygrouplist",
                        "icmptype",
                        "icmpcode"),
                "listZones",
                List.of("id", "available", "domainid"),
                "deleteDomain",
                List.of("id", "cleanup"),
                "addHost",
                List.of("zoneid", "url", "hypervisor", "username", "password"));
        sent.forEach((name, params) -> {
            CommandSpec command = CATALOGUE.command(name).orElseThrow();
            for (String param : params) {
                assertThat(command.param(param)).as(name + " " + param).isPresent();
            }
        });
    }

    @Test
    void everyParameterHasNameTypeAndDescription() {
        for (CommandSpec command : CATALOGUE.commands()) {
            assertThat(command.description()).as(command.name()).isNotBlank();
            for (ParamSpec param : command.params()) {
                assertThat(param.name()).as(command.name()).matches("[a-z0-9]+");
                assertThat(param.type()).as(command.name() + " " + param.name()).isNotEqualTo(ApiType.OBJECT);
                assertThat(param.description())
                        .as(command.name() + " " + param.name())
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyEntityCarriesTheFieldsJcloudsDereferences() {
        for (CommandSpec command : CATALOGUE.commands()) {
            if (Set.of(ResponseKind.OBJECT, ResponseKind.LIST).contains(command.responseKind())
                    && !Set.of("api", "capability", "userkeys", "tag", "asyncjobs", "configuration", "hypervisor")
                            .contains(command.responseObjectName())) {
                assertThat(fieldNames(command.response())).as(command.name()).contains("id");
            }
        }
        CommandSpec vm = CATALOGUE.command("listVirtualMachines").orElseThrow();
        assertThat(fieldNames(child(vm.response(), "nic").fields())).contains("id", "networkid", "macaddress");
        ResponseFieldSpec ingress =
                child(CATALOGUE.command("listSecurityGroups").orElseThrow().response(), "ingressrule");
        assertThat(fieldNames(ingress.fields())).contains("ruleid", "protocol", "cidr", "securitygroupname");
        ResponseFieldSpec service =
                child(CATALOGUE.command("listNetworks").orElseThrow().response(), "service");
        assertThat(fieldNames(service.fields())).contains("name", "provider", "capability");
    }

    @Test
    void responseShapesFollowTheWire() {
        assertThat(CATALOGUE.command("listCapabilities").orElseThrow().responseKind())
                .isEqualTo(ResponseKind.OBJECT);
        // A one-element list, as CloudStack's AddHostCmd and AddClusterCmd answer (a ListResponse).
        assertThat(CATALOGUE.command("addHost").orElseThrow().responseKind()).isEqualTo(ResponseKind.LIST);
        assertThat(CATALOGUE.command("addCluster").orElseThrow().responseKind()).isEqualTo(ResponseKind.LIST);
        assertThat(CATALOGUE.command("listAsyncJobs").orElseThrow().responseObjectName())
                .isEqualTo("asyncjobs");
        assertThat(CATALOGUE.command("queryAsyncJobResult").orElseThrow().responseKind())
                .isEqualTo(ResponseKind.INLINE);
        assertThat(CATALOGUE.command("deleteSecurityGroup").orElseThrow().responseKind())
                .isEqualTo(ResponseKind.SUCCESS);
        assertThat(CATALOGUE
                        .command("authorizeSecurityGroupIngress")
                        .orElseThrow()
                        .responseObjectName())
                .isEqualTo("securitygroup");
        assertThat(CATALOGUE.command("listNetworks").orElseThrow().envelopeName())
                .isEqualTo("listnetworksresponse");
    }

    @Test
    void commandLookupIsCaseSensitiveButParameterLookupIsNot() {
        assertThat(CATALOGUE.command("listzones")).isEmpty();
        assertThat(CATALOGUE.command("listZones").orElseThrow().param("listAll"))
                .isEmpty();
        assertThat(CATALOGUE.command("listNetworks").orElseThrow().param("listAll"))
                .isPresent();
    }

    @Test
    void misspeltKeyIsRejected() {
        String json =
                """
                {"paramGroups": {}, "objects": {"success": []},
                 "commands": [{"name": "x", "description": "d", "execution": "sync", "asycn": true,
                               "response": {"kind": "success"}}]}
                """;
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("asycn");
    }

    @Test
    void duplicateCommandIsRejected() {
        String command =
                """
                {"name": "x", "description": "d", "execution": "sync", "response": {"kind": "success"}}""";
        String json = "{\"paramGroups\": {}, \"objects\": {\"success\": []}, \"commands\": [" + command + "," + command
                + "]}";
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void unknownRelatedCommandIsRejected() {
        String json =
                """
                {"paramGroups": {}, "objects": {"success": []},
                 "commands": [{"name": "x", "description": "d", "execution": "sync", "related": ["y"],
                               "response": {"kind": "success"}}]}
                """;
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("y");
    }

    private static CloudStackCatalogue parse(String json) {
        return CloudStackCatalogue.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static List<String> fieldNames(List<ResponseFieldSpec> fields) {
        return fields.stream().map(ResponseFieldSpec::name).toList();
    }

    private static ResponseFieldSpec child(List<ResponseFieldSpec> fields, String name) {
        return fields.stream()
                .filter(field -> field.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
