package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A VM to register with its NICs (the first is the default NIC). A host places it at once (root
 * admins only, as CloudStack's {@code hostid}); without one its NICs stay unbound until started.
 * CloudStack's VMs name a service offering and a template of the catalogue.
 */
public record NewVirtualMachine(
        Optional<UUID> accountId,
        UUID zoneId,
        Optional<UUID> hostId,
        String name,
        Optional<String> displayName,
        List<NicSpec> nics,
        Optional<UUID> serviceOfferingId,
        Optional<UUID> templateId) {
    public NewVirtualMachine {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
        nics = List.copyOf(requireNonNull(nics, "nics is null"));
        requireNonNull(serviceOfferingId, "serviceOfferingId is null");
        requireNonNull(templateId, "templateId is null");
    }

    /** A VM without an offering or template, as EC2 and the compute API register them. */
    public NewVirtualMachine(
            Optional<UUID> accountId,
            UUID zoneId,
            Optional<UUID> hostId,
            String name,
            Optional<String> displayName,
            List<NicSpec> nics) {
        this(accountId, zoneId, hostId, name, displayName, nics, Optional.empty(), Optional.empty());
    }

    public static NewVirtualMachine of(UUID zoneId, String name, NicSpec... nics) {
        return new NewVirtualMachine(Optional.empty(), zoneId, Optional.empty(), name, Optional.empty(), List.of(nics));
    }

    public NewVirtualMachine onHost(UUID host) {
        return new NewVirtualMachine(
                accountId, zoneId, Optional.of(host), name, displayName, nics, serviceOfferingId, templateId);
    }

    public NewVirtualMachine forAccount(UUID account) {
        return new NewVirtualMachine(
                Optional.of(account), zoneId, hostId, name, displayName, nics, serviceOfferingId, templateId);
    }

    /** Deployed with this offering and template, which must exist and be the caller's to use. */
    public NewVirtualMachine fromCatalogue(UUID serviceOffering, UUID template) {
        return new NewVirtualMachine(
                accountId,
                zoneId,
                hostId,
                name,
                displayName,
                nics,
                Optional.of(serviceOffering),
                Optional.of(template));
    }
}
