package io.weft.server.api.cloudstack.commands;

import io.weft.server.catalogue.OfferingSummary;
import io.weft.server.catalogue.TemplateSummary;
import io.weft.server.compute.NicView;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.compute.VmState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** VMs and NICs as CloudStack names their fields (API-COMPAT §2.4); every NIC carries its id. */
final class VmResponses {
    private VmResponses() {}

    record VmResponse(
            String id,
            String name,
            String displayname,
            String group,
            String account,
            String domainid,
            String domain,
            String zoneid,
            String zonename,
            String hostid,
            String state,
            Instant created,
            String serviceofferingid,
            String serviceofferingname,
            Integer cpunumber,
            Integer cpuspeed,
            Integer memory,
            String templateid,
            String templatename,
            String templatedisplaytext,
            List<NicResponse> nic,
            List<GroupSummaryResponse> securitygroup,
            // CloudStack always sends the VM's tags, [] when it has none; Terraform reads them back.
            List<Tags.TagResponse> tags) {
        static VmResponse of(VirtualMachineView vm) {
            return of(vm, vm.state());
        }

        static VmResponse of(VirtualMachineView vm, VmState state) {
            Map<UUID, GroupSummaryResponse> groups = new LinkedHashMap<>();
            for (NicView nic : vm.nics()) {
                for (NicView.GroupSummary group : nic.groups()) {
                    groups.putIfAbsent(
                            group.id(), new GroupSummaryResponse(group.id().toString(), group.name()));
                }
            }
            return new VmResponse(
                    vm.id().toString(),
                    vm.name(),
                    vm.displayName().orElse(vm.name()),
                    vm.group().orElse(null),
                    vm.accountName(),
                    vm.domainId().toString(),
                    vm.domainName(),
                    vm.zoneId().toString(),
                    vm.zoneName(),
                    vm.hostId().map(UUID::toString).orElse(null),
                    camel(state.name()),
                    vm.created(),
                    vm.serviceOffering().map(o -> o.id().toString()).orElse(null),
                    vm.serviceOffering().map(OfferingSummary::name).orElse(null),
                    vm.serviceOffering().map(OfferingSummary::cpuNumber).orElse(null),
                    vm.serviceOffering().map(OfferingSummary::cpuSpeed).orElse(null),
                    vm.serviceOffering().map(OfferingSummary::memory).orElse(null),
                    vm.template().map(t -> t.id().toString()).orElse(null),
                    vm.template().map(TemplateSummary::name).orElse(null),
                    vm.template().map(TemplateSummary::displayText).orElse(null),
                    vm.nics().stream().map(NicResponse::of).toList(),
                    List.copyOf(groups.values()),
                    List.of());
        }

        /** The same VM with its tags. */
        VmResponse withTags(List<Tags.TagResponse> vmTags) {
            return new VmResponse(
                    id,
                    name,
                    displayname,
                    group,
                    account,
                    domainid,
                    domain,
                    zoneid,
                    zonename,
                    hostid,
                    state,
                    created,
                    serviceofferingid,
                    serviceofferingname,
                    cpunumber,
                    cpuspeed,
                    memory,
                    templateid,
                    templatename,
                    templatedisplaytext,
                    nic,
                    securitygroup,
                    List.copyOf(vmTags));
        }
    }

    record GroupSummaryResponse(String id, String name) {}

    record NicResponse(
            String id,
            String networkid,
            String virtualmachineid,
            String ipaddress,
            String ip6address,
            String netmask,
            String gateway,
            String macaddress,
            boolean isdefault,
            String traffictype,
            String type,
            // CloudStack's NicResponse types deviceid as a string; cloudstack-go fails on a number.
            String deviceid,
            List<Object> secondaryip) {
        static NicResponse of(NicView nic) {
            return new NicResponse(
                    nic.id().toString(),
                    nic.networkId().toString(),
                    nic.vmId().map(UUID::toString).orElse(null),
                    nic.ipAddress().orElse(null),
                    nic.ipv6Address().orElse(null),
                    nic.netmask(),
                    nic.gateway(),
                    nic.macAddress(),
                    nic.isDefault(),
                    "Guest",
                    "Isolated",
                    nic.deviceIndex().map(String::valueOf).orElse(null),
                    List.of());
        }
    }

    /** {@code RUNNING} → {@code Running}, as CloudStack spells states and jclouds parses them. */
    static String camel(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase(Locale.ROOT);
    }
}
