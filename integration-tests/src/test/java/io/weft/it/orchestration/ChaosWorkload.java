package io.weft.it.orchestration;

import static io.weft.it.orchestration.WorkloadBelief.any;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.orchestration.WorkloadBelief.CsRule;
import io.weft.it.orchestration.WorkloadBelief.Eni;
import io.weft.it.orchestration.WorkloadBelief.TagKey;
import io.weft.it.orchestration.WorkloadBelief.Vm;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * A seeded random tenant workload through both real APIs over HTTP: CloudStack (signed requests,
 * async jobs polled to their end) and EC2 (the AWS SDK). It records every answer in a {@link
 * CallLog} and what the committed ones created and deleted in a {@link WorkloadBelief}. A server
 * error (HTTP 5xx other than CloudStack's own refusal codes 531–537) fails the run.
 */
final class ChaosWorkload {
    /** What the operator set up before the tenant's workload starts. */
    record Fixture(String zoneId, String domainId, String account, String networkOffering, List<String> hostIds) {}

    private static final String SERVICE_OFFERING = io.weft.server.catalogue.SeededCatalogue.SMALL_INSTANCE.toString();
    private static final String TEMPLATE = io.weft.server.catalogue.SeededCatalogue.UBUNTU_TEMPLATE.toString();
    private static final int CLOUDSTACK_INTERNAL_ERROR = 530;

    final CallLog log = new CallLog();
    final WorkloadBelief belief = new WorkloadBelief();
    private final SplittableRandom random;
    private CloudStackClient tenant;
    private CloudStackClient admin;
    private Ec2Client ec2;
    private final Fixture fixture;
    private final int maxVms;
    private String vpcId;
    private int names;

    ChaosWorkload(
            SplittableRandom random,
            CloudStackClient tenant,
            CloudStackClient admin,
            Ec2Client ec2,
            Fixture fixture,
            int maxVms) {
        this.random = random;
        this.tenant = tenant;
        this.admin = admin;
        this.ec2 = ec2;
        this.fixture = fixture;
        this.maxVms = maxVms;
    }

    /**
     * New clients after a server restart, as programs reconnect: the connections the old ones kept
     * alive died with that server, and the first request on one would get no answer at all.
     */
    void useClients(CloudStackClient newTenant, CloudStackClient newAdmin, Ec2Client newEc2) {
        this.tenant = newTenant;
        this.admin = newAdmin;
        this.ec2 = newEc2;
    }

    /** Networks, a VPC with subnets and a few groups of each API, so that every move has something to act on. */
    void setUp() {
        for (int n = 0; n < 3; n++) {
            createNetwork();
        }
        vpcId = ec2Call("CreateVpc", () -> ec2.createVpc(r -> r.cidrBlock("172.16.0.0/16"))
                        .vpc()
                        .vpcId())
                .orElseThrow();
        for (int s = 0; s < 2; s++) {
            int third = s;
            ec2Call("CreateSubnet", () -> ec2.createSubnet(
                                    r -> r.vpcId(vpcId).cidrBlock("172.16." + third * 4 + ".0/22"))
                            .subnet()
                            .subnetId())
                    .ifPresent(belief.subnets::add);
        }
        for (int g = 0; g < 4; g++) {
            createCsGroup();
            createEc2Group();
        }
    }

    /** One random move of the tenant (or of the operator placing its VMs). */
    void step() {
        int dice = random.nextInt(100);
        if (dice < 15) {
            if (belief.vms.size() < maxVms) {
                deployVm();
            } else {
                destroyVm();
            }
        } else if (dice < 22) {
            destroyVm();
        } else if (dice < 32) {
            migrateVm();
        } else if (dice < 43) {
            authorizeCsRule();
        } else if (dice < 50) {
            revokeCsRule();
        } else if (dice < 52) {
            createCsGroup();
        } else if (dice < 54) {
            deleteCsGroup();
        } else if (dice < 58) {
            tagVm();
        } else if (dice < 59) {
            createNetwork();
        } else if (dice < 60) {
            deleteNetwork();
        } else if (dice < 66) {
            createEni();
        } else if (dice < 68) {
            deleteEni();
        } else if (dice < 73) {
            attachEni();
        } else if (dice < 76) {
            detachEni();
        } else if (dice < 82) {
            changeEniGroups();
        } else if (dice < 90) {
            authorizeEc2Rule();
        } else if (dice < 94) {
            revokeEc2Rule();
        } else if (dice < 96) {
            createEc2Group();
        } else if (dice < 97) {
            deleteEc2Group();
        } else {
            tagEc2();
        }
    }

    // CloudStack moves

    private void createNetwork() {
        int n = names++;
        String third = Integer.toString(n % 250);
        csSync(
                        tenant,
                        "createNetwork",
                        Params.of("name", "net-" + n)
                                .and("displaytext", "chaos network " + n)
                                .and("zoneid", fixture.zoneId())
                                .and("networkofferingid", fixture.networkOffering())
                                .and("gateway", "10." + (n / 250 % 250) + "." + third + ".1")
                                .and("netmask", "255.255.255.0"))
                .ifPresent(answer ->
                        belief.csNetworks.put(answer.get("network").get("id").asText(), "net-" + n));
    }

    private void deleteNetwork() {
        if (belief.csNetworks.size() <= 2) {
            return;
        }
        String network = any(belief.csNetworks.keySet(), random).orElseThrow();
        csJob(tenant, "deleteNetwork", Params.of("id", network)).ifPresent(result -> {
            belief.csNetworks.remove(network);
            belief.deletedCsNetworks.add(network);
        });
    }

    private void createCsGroup() {
        String name = "cs-group-" + names++;
        csSync(tenant, "createSecurityGroup", Params.of("name", name))
                .ifPresent(answer -> belief.csGroups.put(
                        answer.get("securitygroup").get("id").asText(), name));
    }

    private void deleteCsGroup() {
        any(belief.csGroups.keySet(), random)
                .ifPresent(group -> csSync(tenant, "deleteSecurityGroup", Params.of("id", group))
                        .ifPresent(answer -> belief.csGroupDeleted(group)));
    }

    private void authorizeCsRule() {
        Optional<String> group = any(belief.csGroups.keySet(), random);
        if (group.isEmpty()) {
            return;
        }
        boolean egress = random.nextInt(4) == 0;
        int from = 1 + random.nextInt(60_000);
        Params params = Params.of("securitygroupid", group.get())
                .and("protocol", random.nextBoolean() ? "TCP" : "UDP")
                .and("startport", Integer.toString(from))
                .and("endport", Integer.toString(from + random.nextInt(100)));
        Optional<String> source = random.nextBoolean() ? any(belief.csGroups.values(), random) : Optional.empty();
        params = source.isPresent()
                ? params.and("usersecuritygrouplist[0].account", fixture.account())
                        .and("usersecuritygrouplist[0].group", source.get())
                : params.and("cidrlist", "10." + random.nextInt(256) + ".0.0/16");
        String command = egress ? "authorizeSecurityGroupEgress" : "authorizeSecurityGroupIngress";
        csJob(tenant, command, params).ifPresent(result -> {
            for (JsonNode rule : result.path("securitygroup").path(egress ? "egressrule" : "ingressrule")) {
                belief.csRules.put(rule.get("ruleid").asText(), new CsRule(group.get(), egress));
            }
        });
    }

    private void revokeCsRule() {
        any(belief.csRules.keySet(), random).ifPresent(rule -> {
            String command =
                    belief.csRules.get(rule).egress() ? "revokeSecurityGroupEgress" : "revokeSecurityGroupIngress";
            csJob(tenant, command, Params.of("id", rule)).ifPresent(result -> {
                belief.csRules.remove(rule);
                belief.revokedCsRules.add(rule);
            });
        });
    }

    /** Host placement is the root admin's, as in CloudStack: it deploys for the tenant's account. */
    private void deployVm() {
        Optional<String> network = any(belief.csNetworks.keySet(), random);
        if (network.isEmpty()) {
            return;
        }
        String host = fixture.hostIds().get(random.nextInt(fixture.hostIds().size()));
        Set<String> groups = new LinkedHashSet<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            any(belief.csGroups.keySet(), random).ifPresent(groups::add);
        }
        Params params = Params.of("account", fixture.account())
                .and("domainid", fixture.domainId())
                .and("zoneid", fixture.zoneId())
                .and("serviceofferingid", SERVICE_OFFERING)
                .and("templateid", TEMPLATE)
                .and("networkids", network.get())
                .and("hostid", host)
                .and("name", "vm-" + names++);
        if (!groups.isEmpty()) {
            params = params.and("securitygroupids", String.join(",", groups));
        }
        csJob(admin, "deployVirtualMachine", params).ifPresent(result -> {
            JsonNode vm = result.get("virtualmachine");
            JsonNode nic = vm.get("nic").get(0);
            belief.vms.put(
                    vm.get("id").asText(),
                    new Vm(
                            host,
                            network.get(),
                            nic.get("id").asText(),
                            nic.get("ipaddress").asText()));
        });
    }

    private void destroyVm() {
        // A VM with interfaces attached through EC2 has them detached first, as a client would.
        any(belief.vms.keySet(), random).ifPresent(vm -> {
            for (String eni : belief.enisOf(vm)) {
                detach(eni);
            }
            if (!belief.enisOf(vm).isEmpty()) {
                return;
            }
            csJob(tenant, "destroyVirtualMachine", Params.of("id", vm).and("expunge", "true"))
                    .ifPresent(result -> {
                        belief.deletedNicUuids.add(belief.vms.remove(vm).nicId());
                        belief.destroyedVms.add(vm);
                        belief.dropTagsOf(vm);
                    });
        });
    }

    private void migrateVm() {
        any(belief.vms.keySet(), random).ifPresent(vm -> {
            String host = fixture.hostIds().get(random.nextInt(fixture.hostIds().size()));
            csJob(
                            admin,
                            "migrateVirtualMachine",
                            Params.of("virtualmachineid", vm).and("hostid", host))
                    .ifPresent(result -> {
                        Vm before = belief.vms.get(vm);
                        belief.vms.put(vm, new Vm(host, before.networkId(), before.nicId(), before.ip()));
                    });
        });
    }

    private void tagVm() {
        any(belief.vms.keySet(), random).ifPresent(vm -> {
            TagKey tag = new TagKey(vm, "tier" + random.nextInt(3));
            if (belief.csTags.containsKey(tag) && random.nextBoolean()) {
                csJob(
                                tenant,
                                "deleteTags",
                                Params.of("resourceids", vm)
                                        .and("resourcetype", "UserVm")
                                        .and("tags[0].key", tag.key()))
                        .ifPresent(result -> {
                            belief.csTags.remove(tag);
                            belief.deletedCsTags.add(tag);
                        });
                return;
            }
            String value = "v" + random.nextInt(1000);
            csJob(
                            tenant,
                            "createTags",
                            Params.of("resourceids", vm)
                                    .and("resourcetype", "UserVm")
                                    .and("tags[0].key", tag.key())
                                    .and("tags[0].value", value))
                    .ifPresent(result -> {
                        belief.csTags.put(tag, value);
                        belief.deletedCsTags.remove(tag);
                    });
        });
    }

    // EC2 moves

    private void createEc2Group() {
        String name = "ec2-group-" + names++;
        ec2Call("CreateSecurityGroup", () -> ec2.createSecurityGroup(
                                r -> r.groupName(name).description("chaos").vpcId(vpcId))
                        .groupId())
                .ifPresent(id -> belief.ec2Groups.put(id, name));
    }

    private void deleteEc2Group() {
        any(belief.ec2Groups.keySet(), random)
                .ifPresent(group -> ec2Call("DeleteSecurityGroup", () -> ec2.deleteSecurityGroup(r -> r.groupId(group)))
                        .ifPresent(answer -> belief.ec2GroupDeleted(group)));
    }

    private void authorizeEc2Rule() {
        Optional<String> group = any(belief.ec2Groups.keySet(), random);
        if (group.isEmpty()) {
            return;
        }
        int from = 1 + random.nextInt(60_000);
        IpPermission.Builder permission = IpPermission.builder()
                .ipProtocol(random.nextBoolean() ? "tcp" : "udp")
                .fromPort(from)
                .toPort(from + random.nextInt(100));
        Optional<String> source = random.nextBoolean() ? any(belief.ec2Groups.keySet(), random) : Optional.empty();
        if (source.isPresent()) {
            permission.userIdGroupPairs(
                    UserIdGroupPair.builder().groupId(source.get()).build());
        } else {
            permission.ipRanges(IpRange.builder()
                    .cidrIp("10." + random.nextInt(256) + ".0.0/16")
                    .build());
        }
        IpPermission built = permission.build();
        boolean egress = random.nextInt(4) == 0;
        Optional<List<SecurityGroupRule>> created = egress
                ? ec2Call("AuthorizeSecurityGroupEgress", () -> ec2.authorizeSecurityGroupEgress(
                                r -> r.groupId(group.get()).ipPermissions(built))
                        .securityGroupRules())
                : ec2Call("AuthorizeSecurityGroupIngress", () -> ec2.authorizeSecurityGroupIngress(
                                r -> r.groupId(group.get()).ipPermissions(built))
                        .securityGroupRules());
        created.ifPresent(rules -> rules.forEach(rule -> belief.ec2Rules.put(rule.securityGroupRuleId(), group.get())));
        created.ifPresent(rules -> {
            if (rules.isEmpty()) {
                throw new AssertionError("an authorized EC2 rule came back without its id");
            }
        });
    }

    private void revokeEc2Rule() {
        any(belief.ec2Rules.keySet(), random).ifPresent(rule -> {
            String group = belief.ec2Rules.get(rule);
            // The direction is left to chance on purpose: revoking a rule as the other direction
            // must be refused and change nothing (the read-back then finds the rule still there).
            boolean egress = random.nextBoolean();
            Optional<Boolean> revoked = egress
                    ? ec2Call("RevokeSecurityGroupEgress", () -> ec2.revokeSecurityGroupEgress(
                                    r -> r.groupId(group).securityGroupRuleIds(rule))
                            .returnValue())
                    : ec2Call("RevokeSecurityGroupIngress", () -> ec2.revokeSecurityGroupIngress(
                                    r -> r.groupId(group).securityGroupRuleIds(rule))
                            .returnValue());
            revoked.ifPresent(done -> {
                belief.ec2Rules.remove(rule);
                belief.revokedEc2Rules.add(rule);
            });
        });
    }

    private void createEni() {
        Optional<String> subnet = any(belief.subnets, random);
        if (subnet.isEmpty()) {
            return;
        }
        Set<String> groups = new LinkedHashSet<>();
        any(belief.ec2Groups.keySet(), random).ifPresent(groups::add);
        ec2Call("CreateNetworkInterface", () -> ec2.createNetworkInterface(r -> {
                            r.subnetId(subnet.get());
                            if (!groups.isEmpty()) {
                                r.groups(groups);
                            }
                        })
                        .networkInterface())
                .ifPresent(eni -> belief.enis.put(
                        eni.networkInterfaceId(),
                        new Eni(eni.privateIpAddress(), Set.copyOf(groups), Optional.empty(), Optional.empty())));
    }

    private void deleteEni() {
        any(belief.enis.keySet(), random).ifPresent(eni -> ec2Call(
                        "DeleteNetworkInterface", () -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni)))
                .ifPresent(answer -> {
                    belief.enis.remove(eni);
                    belief.deletedEnis.add(eni);
                    belief.dropTagsOf(eni);
                }));
    }

    private void attachEni() {
        Optional<String> eni = any(belief.enis.keySet(), random);
        Optional<String> vm = any(belief.vms.keySet(), random);
        if (eni.isEmpty() || vm.isEmpty()) {
            return;
        }
        String instance = "i-" + vm.get().replace("-", "").substring(0, 17);
        ec2Call("AttachNetworkInterface", () -> ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni.get())
                                .instanceId(instance)
                                .deviceIndex(1))
                        .attachmentId())
                .ifPresent(attachment ->
                        belief.enis.put(eni.get(), belief.enis.get(eni.get()).attachedTo(vm.get(), attachment)));
    }

    private void detachEni() {
        List<String> attached = new ArrayList<>();
        belief.enis.forEach((id, eni) -> eni.attachmentId().ifPresent(a -> attached.add(id)));
        any(attached, random).ifPresent(this::detach);
    }

    private void detach(String eni) {
        String attachment = belief.enis.get(eni).attachmentId().orElseThrow();
        ec2Call("DetachNetworkInterface", () -> ec2.detachNetworkInterface(r -> r.attachmentId(attachment)))
                .ifPresent(answer -> belief.enis.put(eni, belief.enis.get(eni).detached()));
    }

    private void changeEniGroups() {
        Optional<String> eni = any(belief.enis.keySet(), random);
        if (eni.isEmpty() || belief.ec2Groups.isEmpty()) {
            return;
        }
        Set<String> groups = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            any(belief.ec2Groups.keySet(), random).ifPresent(groups::add);
        }
        ec2Call(
                        "ModifyNetworkInterfaceAttribute",
                        () -> ec2.modifyNetworkInterfaceAttribute(
                                r -> r.networkInterfaceId(eni.get()).groups(groups)))
                .ifPresent(answer ->
                        belief.enis.put(eni.get(), belief.enis.get(eni.get()).withGroups(groups)));
    }

    private void tagEc2() {
        List<String> taggable = new ArrayList<>(belief.ec2Groups.keySet());
        taggable.addAll(belief.enis.keySet());
        any(taggable, random).ifPresent(resource -> {
            TagKey tag = new TagKey(resource, "team" + random.nextInt(3));
            if (belief.ec2Tags.containsKey(tag) && random.nextBoolean()) {
                ec2Call(
                                "DeleteTags",
                                () -> ec2.deleteTags(r -> r.resources(resource)
                                        .tags(Tag.builder().key(tag.key()).build())))
                        .ifPresent(answer -> {
                            belief.ec2Tags.remove(tag);
                            belief.deletedEc2Tags.add(tag);
                        });
                return;
            }
            String value = "v" + random.nextInt(1000);
            ec2Call(
                            "CreateTags",
                            () -> ec2.createTags(r -> r.resources(resource)
                                    .tags(Tag.builder()
                                            .key(tag.key())
                                            .value(value)
                                            .build())))
                    .ifPresent(answer -> {
                        belief.ec2Tags.put(tag, value);
                        belief.deletedEc2Tags.remove(tag);
                    });
        });
    }

    // Recording the answers

    private Optional<JsonNode> csSync(CloudStackClient client, String command, Params params) {
        CloudStackClient.Reply reply = client.call(command, params);
        if (reply.status() == 200) {
            log.committed(command);
            return Optional.of(reply.inner());
        }
        refusedByCloudStack(
                command, reply.status(), reply.inner().path("errorcode").asInt(), reply.text());
        return Optional.empty();
    }

    /** An async command: submitted, then its job polled to the end; the job's result when it succeeded. */
    private Optional<JsonNode> csJob(CloudStackClient client, String command, Params params) {
        CloudStackClient.Reply reply = client.call(command, params);
        if (reply.status() != 200) {
            refusedByCloudStack(
                    command, reply.status(), reply.inner().path("errorcode").asInt(), reply.text());
            return Optional.empty();
        }
        JsonNode job = client.await(reply.inner().get("jobid").asText());
        if (job.get("jobstatus").asInt() == 1) {
            log.committed(command);
            return Optional.of(job.path("jobresult"));
        }
        refusedByCloudStack(
                command, 200, job.path("jobresult").path("errorcode").asInt(), job.toString());
        return Optional.empty();
    }

    private void refusedByCloudStack(String command, int status, int errorCode, String answer) {
        if ((status >= 500 && status < 531) || status > 537 || errorCode == CLOUDSTACK_INTERNAL_ERROR) {
            throw new AssertionError(command + " answered a server error: HTTP " + status + " " + answer);
        }
        log.refused(command, Integer.toString(errorCode));
    }

    private <T> Optional<T> ec2Call(String action, Supplier<T> call) {
        try {
            T answer = call.get();
            log.committed(action);
            return Optional.of(answer);
        } catch (Ec2Exception e) {
            if (e.statusCode() >= 500) {
                throw new AssertionError(action + " answered a server error: " + e.getMessage(), e);
            }
            log.refused(action, e.awsErrorDetails().errorCode());
            return Optional.empty();
        }
    }
}
