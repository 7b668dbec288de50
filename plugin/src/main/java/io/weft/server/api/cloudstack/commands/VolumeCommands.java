package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.service.Page;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code listVolumes}: the ROOT volume of each VM, which Terraform's {@code cloudstack_instance}
 * read and Ansible's {@code cs_instance} ask for. Weft stores no disks, so a volume is derived from
 * its VM (a stable id, named after it) and its size is 0 bytes until the VM records one.
 */
final class VolumeCommands {
    private VolumeCommands() {}

    record VolumeResponse(
            String id,
            String name,
            String type,
            String virtualmachineid,
            String vmname,
            String vmstate,
            long size,
            long deviceid,
            String zoneid,
            String state,
            String account,
            String domainid,
            Instant created) {
        VolumeResponse {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }

        static VolumeResponse rootOf(VirtualMachineView vm) {
            return new VolumeResponse(
                    rootVolumeId(vm.id()).toString(),
                    "ROOT-" + vm.name(),
                    "ROOT",
                    vm.id().toString(),
                    vm.name(),
                    VmResponses.camel(vm.state().name()),
                    0,
                    0,
                    vm.zoneId().toString(),
                    "Ready",
                    vm.accountName(),
                    vm.domainId().toString(),
                    vm.created());
        }
    }

    /** The id of a VM's ROOT volume: derived, so the same on every call and every server. */
    static UUID rootVolumeId(UUID vmId) {
        return UUID.nameUUIDFromBytes(("weft-root-volume:" + vmId).getBytes(StandardCharsets.UTF_8));
    }

    static final class ListCommand extends SyncCommand {
        private final VirtualMachineService vms;
        private final Owners owners;
        private final ApiConfig api;

        @Inject
        ListCommand(VirtualMachineService vms, Owners owners, ApiConfig api) {
            super("listVolumes");
            this.vms = requireNonNull(vms, "vms is null");
            this.owners = requireNonNull(owners, "owners is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<UUID> vm = params.uuid("virtualmachineid");
            vm.ifPresent(id -> VmCommands.requireVisibleVm(vms, caller, id));
            Optional<String> type = params.get("type");
            Optional<UUID> zone = params.uuid("zoneid");
            List<VolumeResponse> volumes = vms
                    .list(caller, vm.map(Set::of).orElse(Set.of()), owners.owner(caller, params), Page.ALL)
                    .items()
                    .stream()
                    .map(VolumeResponse::rootOf)
                    .toList();
            return Listing.of(
                    "volume",
                    volumes,
                    params,
                    api,
                    volume -> UUID.fromString(volume.id()),
                    VolumeResponse::name,
                    volume -> type.map(t -> t.equalsIgnoreCase(volume.type())).orElse(true)
                            && zone.map(z -> z.toString().equals(volume.zoneid()))
                                    .orElse(true),
                    volume -> volume);
        }
    }
}
