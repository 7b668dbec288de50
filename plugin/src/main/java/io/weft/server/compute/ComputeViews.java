package io.weft.server.compute;

import io.weft.server.catalogue.VmCatalogue;
import io.weft.server.network.GuestAddressing;
import io.weft.server.network.Network;
import io.weft.server.tenancy.Account;
import io.weft.server.topology.Host;
import java.util.Optional;
import org.hibernate.Session;

/** Builds the API views of NICs and VMs. */
final class ComputeViews {
    private ComputeViews() {}

    static NicView nic(Session session, ComputeStore store, Nic nic) {
        Network network = nic.getNetwork();
        return new NicView(
                nic.getUuid(),
                nic.getAccount().getUuid(),
                network.getUuid(),
                Optional.ofNullable(network.getScope()).map(scope -> scope.getUuid()),
                network.getZone().getUuid(),
                Optional.ofNullable(nic.getVm()).map(VirtualMachine::getUuid),
                Optional.ofNullable(nic.getHost()).map(Host::getUuid),
                nic.getMacAddress(),
                Optional.ofNullable(nic.getIpv4Address()),
                Optional.ofNullable(nic.getIpv6Address()),
                network.getGateway(),
                GuestAddressing.netmask(GuestAddressing.poolOf(network).cidr().prefixLength()),
                Optional.ofNullable(nic.getDeviceIndex()),
                nic.isDefaultNic(),
                nic.isPortSecurityEnabled(),
                nic.isSourceDestCheck(),
                TapNames.of(nic.getUuid()),
                store.membershipsOf(session, nic).stream()
                        .map(m -> new NicView.GroupSummary(
                                m.getSecurityGroup().getUuid(),
                                m.getSecurityGroup().getName()))
                        .toList(),
                store.pairsOf(session, nic).stream()
                        .map(pair ->
                                new AddressPairSpec(pair.getIpAddress(), Optional.ofNullable(pair.getMacAddress())))
                        .toList(),
                store.secondaryAddressesOf(session, nic).stream()
                        .map(SecondaryAddressEntity::getIpAddress)
                        .toList(),
                Optional.ofNullable(nic.getDescription()),
                nic.getCreated());
    }

    static VirtualMachineView vm(Session session, ComputeStore store, VirtualMachine vm) {
        Account account = vm.getAccount();
        return new VirtualMachineView(
                vm.getUuid(),
                vm.getName(),
                Optional.ofNullable(vm.getDisplayName()),
                Optional.ofNullable(vm.getGroup()),
                account.getUuid(),
                account.getName(),
                account.getDomain().getUuid(),
                account.getDomain().getName(),
                vm.getZone().getUuid(),
                vm.getZone().getName(),
                Optional.ofNullable(vm.getHost()).map(Host::getUuid),
                vm.getState(),
                store.nicsOf(session, vm).stream()
                        .map(nic -> nic(session, store, nic))
                        .toList(),
                vm.getCreated(),
                VmCatalogue.offeringOf(session, vm.getServiceOfferingId()),
                VmCatalogue.templateOf(session, vm.getTemplateId()));
    }
}
