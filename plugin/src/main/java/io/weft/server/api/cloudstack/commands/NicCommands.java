package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.VmResponses.NicResponse;
import io.weft.server.api.cloudstack.commands.VmResponses.VmResponse;
import io.weft.server.compute.NicQuery;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.service.Mutation;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code listNics}, {@code addNicToVirtualMachine}, {@code removeNicFromVirtualMachine}. */
final class NicCommands {
    private NicCommands() {}

    static final class ListCommand extends SyncCommand {
        private final NicService nics;
        private final VirtualMachineService vms;
        private final ApiConfig api;

        @Inject
        ListCommand(NicService nics, VirtualMachineService vms, ApiConfig api) {
            super("listNics");
            this.nics = requireNonNull(nics, "nics is null");
            this.vms = requireNonNull(vms, "vms is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            UUID vm = params.requiredUuid("virtualmachineid");
            VmCommands.requireVisibleVm(vms, caller, vm);
            NicQuery query = new NicQuery(
                    params.uuid("nicid").map(Set::of).orElse(Set.of()),
                    Optional.of(vm),
                    params.uuid("networkid"),
                    Optional.empty(),
                    Optional.empty());
            return Listing.of("nic", nics.list(caller, query, Listing.page(params, api)), NicResponse::of);
        }
    }

    static final class Add extends JobCommand {
        private final VirtualMachineService vms;

        @Inject
        Add(VirtualMachineService vms) {
            super("addNicToVirtualMachine", "VirtualMachine", "virtualmachineid");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            UUID network = params.requiredUuid("networkid");
            UUID vm = params.requiredUuid("virtualmachineid");
            if (vms.get(caller, vm).nics().stream()
                    .anyMatch(nic -> nic.networkId().equals(network))) {
                // CloudStack (vm.allow.multiple.nics.per.network off) fails the job with a
                // CloudRuntimeException, 530; EC2 may still attach a second interface in a subnet.
                throw new WeftException(
                        ErrorCode.INTERNAL, "A NIC already exists for VM: " + vm + " in network: " + network);
            }
            NicSpec spec = NicSpec.on(network);
            spec = params.get("ipaddress").map(spec::withIp).orElse(spec);
            spec = params.get("macaddress").map(spec::withMac).orElse(spec);
            Mutation<VirtualMachineView> added = vms.addNic(caller, vm, spec);
            return JobOutcome.of(CloudStackResult.object("virtualmachine", VmResponse.of(added.value())), added);
        }
    }

    static final class Remove extends JobCommand {
        private final VirtualMachineService vms;

        @Inject
        Remove(VirtualMachineService vms) {
            super("removeNicFromVirtualMachine", "VirtualMachine", "virtualmachineid");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            Mutation<VirtualMachineView> removed =
                    vms.removeNic(caller, params.requiredUuid("virtualmachineid"), params.requiredUuid("nicid"));
            return JobOutcome.of(CloudStackResult.object("virtualmachine", VmResponse.of(removed.value())), removed);
        }
    }
}
