package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.VmResponses.VmResponse;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.compute.VirtualMachineView;
import io.weft.server.compute.VmState;
import io.weft.server.error.WeftException;
import io.weft.server.service.Mutation;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * {@code startVirtualMachine}, {@code stopVirtualMachine} and {@code rebootVirtualMachine}. Weft
 * owns the VM's network, not the VM: stopping withdraws its NICs from their host (their ports, and
 * their addresses from every group), starting binds them again. Each answers the VM as CloudStack's
 * job result does, with state Running or Stopped.
 */
final class VmPowerCommands {
    private VmPowerCommands() {}

    private static JobOutcome answer(Mutation<VirtualMachineView> changed) {
        return JobOutcome.of(CloudStackResult.object("virtualmachine", VmResponse.of(changed.value())), changed);
    }

    static final class Start extends JobCommand {
        private final VirtualMachineService vms;

        @Inject
        Start(VirtualMachineService vms) {
            super("startVirtualMachine", "VirtualMachine", "id");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            return answer(vms.start(caller, params.requiredUuid("id"), params.uuid("hostid")));
        }
    }

    /** Always forced: Weft has no guest to ask to shut down, so {@code forced} changes nothing. */
    static final class Stop extends JobCommand {
        private final VirtualMachineService vms;

        @Inject
        Stop(VirtualMachineService vms) {
            super("stopVirtualMachine", "VirtualMachine", "id");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            UUID id = params.requiredUuid("id");
            VirtualMachineView vm = vms.get(caller, id);
            if (vm.state() == VmState.STOPPED) {
                return JobOutcome.untracked(CloudStackResult.object("virtualmachine", VmResponse.of(vm)));
            }
            return answer(vms.stop(caller, id));
        }
    }

    /** A reboot keeps the VM on its host with its NICs bound: nothing in the network changes. */
    static final class Reboot extends JobCommand {
        private final VirtualMachineService vms;

        @Inject
        Reboot(VirtualMachineService vms) {
            super("rebootVirtualMachine", "VirtualMachine", "id");
            this.vms = requireNonNull(vms, "vms is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            UUID id = params.requiredUuid("id");
            VirtualMachineView vm = vms.get(caller, id);
            if (vm.state() != VmState.RUNNING) {
                throw WeftException.invalid("Unable to reboot VM " + id + ": it is not running");
            }
            return JobOutcome.untracked(CloudStackResult.object("virtualmachine", VmResponse.of(vm)));
        }
    }
}
