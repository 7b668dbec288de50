package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The catalogue as the VM service needs it, inside the VM's transaction: which offering and template
 * a new VM may use, and what a VM reports of those it was deployed with (removed ones too).
 *
 * <p>An offering or template that does not exist, is removed, or that the caller may not deploy is
 * NOT_FOUND with CloudStack's text naming the parameter, as CloudStack answers a deploy with one.
 */
public final class VmCatalogue {
    private final CatalogueStore store;
    private final TemplateAccess access;

    @Inject
    public VmCatalogue(CatalogueStore store, TemplateAccess access) {
        this.store = requireNonNull(store, "store is null");
        this.access = requireNonNull(access, "access is null");
    }

    public ServiceOffering offeringToDeploy(Session session, UUID id) {
        return store.offering(session, id)
                .filter(offering -> !offering.isRemoved())
                .orElseThrow(() -> CatalogueErrors.noSuch("serviceofferingid", id));
    }

    /** A template the caller may deploy in the zone: its own zone's, or one of every zone. */
    public Template templateToDeploy(Session session, Caller caller, UUID id, UUID zoneId) {
        Template template = store.template(session, id)
                .filter(candidate -> access.canUse(caller, candidate))
                .orElseThrow(() -> CatalogueErrors.noSuch("templateid", id));
        if (template.getZoneId() != null && !template.getZoneId().equals(zoneId)) {
            throw WeftException.invalid("template " + id + " is not available in zone " + zoneId);
        }
        return template;
    }

    /** What a VM reports of its offering; empty for none, or one a deleted account took along. */
    public static Optional<OfferingSummary> offeringOf(Session session, UUID id) {
        return Optional.ofNullable(id)
                .flatMap(uuid -> Ownership.find(session, ServiceOffering.class, uuid))
                .map(o -> new OfferingSummary(
                        o.getUuid(), o.getName(), o.getCpuNumber(), o.getCpuSpeed(), o.getMemory()));
    }

    /** What a VM reports of its template; empty for none, or one a deleted account took along. */
    public static Optional<TemplateSummary> templateOf(Session session, UUID id) {
        return Optional.ofNullable(id)
                .flatMap(uuid -> Ownership.find(session, Template.class, uuid))
                .map(t -> new TemplateSummary(t.getUuid(), t.getName(), t.getDisplayText(), t.getOsTypeId()));
    }
}
