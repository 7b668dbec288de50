package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.service.Transactions;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Ownership;
import io.weft.server.topology.Zone;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Templates as metadata: registered by any account for itself (or by an administrator for an account
 * it administers), listed through CloudStack's filters, deleted by their owner or its administrators.
 * Only root admins mark a template featured. Deleting marks it removed: VMs deployed from it keep
 * reporting it.
 */
public final class TemplateService {
    /** The image formats CloudStack accepts for templates (ISO is for ISOs). */
    static final Set<String> FORMATS = Set.of("QCOW2", "RAW", "VHD", "VHDX", "OVA", "VMDK", "BAREMETAL", "TAR");

    private final SessionFactory sessions;
    private final CatalogueStore store;
    private final Ownership ownership;
    private final TemplateAccess access;
    private final Clock clock;

    @Inject
    public TemplateService(
            SessionFactory sessions, CatalogueStore store, Ownership ownership, TemplateAccess access, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        this.access = requireNonNull(access, "access is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Registers a template for the caller's account or {@code accountId}. An unknown zone or OS type is
     * NOT_FOUND, an unknown format INVALID_PARAMETER, {@code isFeatured} from anyone but root
     * PERMISSION_DENIED.
     */
    public TemplateView register(Caller caller, Optional<UUID> accountId, TemplateSpec spec) {
        CatalogueNames.check("template", spec.name());
        String format = spec.format().toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw WeftException.invalid(
                    "format must be one of " + FORMATS.stream().sorted().toList() + ", not " + spec.format());
        }
        if (spec.isFeatured() && !caller.isRootAdmin()) {
            throw new WeftException(ErrorCode.PERMISSION_DENIED, "only root admins may mark a template featured");
        }
        OsType osType =
                OsTypes.find(spec.osTypeId()).orElseThrow(() -> CatalogueErrors.noSuch("ostypeid", spec.osTypeId()));
        return Transactions.write(sessions, session -> {
            Account owner = ownership.ownerFor(session, caller, accountId);
            Optional<TemplateView.ZoneRef> zone = spec.zoneId().map(id -> zone(session, id));
            Template template = new Template(
                    UUID.randomUUID(),
                    owner,
                    new TemplateSpec(
                            spec.name(),
                            spec.displayText(),
                            format,
                            spec.hypervisor(),
                            osType.id(),
                            spec.url(),
                            spec.zoneId(),
                            spec.isPublic(),
                            spec.isFeatured(),
                            spec.passwordEnabled()),
                    clock.instant());
            store.persist(session, template);
            return view(template, zone);
        });
    }

    /**
     * The templates {@code filter} admits for the caller, oldest first; with {@code zoneId}, only those
     * in that zone (an unknown zone is NOT_FOUND), templates of every zone shown in it.
     */
    public List<TemplateView> list(Caller caller, TemplateFilter filter, Optional<UUID> zoneId) {
        filter.requireAllowed(caller);
        return sessions.fromTransaction(session -> {
            Optional<TemplateView.ZoneRef> zone = zoneId.map(id -> zone(session, id));
            return store.templates(session).stream()
                    .filter(template -> filter.admits(
                            TemplateAccess.ownedBy(caller, template),
                            access.ownerVisible(caller, template),
                            template.isPublic(),
                            template.isFeatured()))
                    .filter(template -> zoneId.isEmpty()
                            || template.getZoneId() == null
                            || template.getZoneId().equals(zoneId.get()))
                    .map(template -> view(
                            template, template.getZoneId() == null ? zone : findZone(session, template.getZoneId())))
                    .toList();
        });
    }

    /**
     * Marks a template removed. One the caller may not see is NOT_FOUND with CloudStack's text; one it
     * sees but may not delete (another account's public template) is PERMISSION_DENIED.
     */
    public void delete(Caller caller, UUID id) {
        Transactions.write(sessions, session -> {
            Template template = store.template(session, id)
                    .filter(candidate -> access.canUse(caller, candidate))
                    .orElseThrow(() -> CatalogueErrors.noSuch("id", id));
            if (!access.canDelete(caller, template)) {
                throw new WeftException(
                        ErrorCode.PERMISSION_DENIED, "template " + id + " is not the caller's to delete");
            }
            template.markRemoved(clock.instant());
            return id;
        });
    }

    private static TemplateView.ZoneRef zone(Session session, UUID id) {
        return findZone(session, id).orElseThrow(() -> CatalogueErrors.noSuch("zoneid", id));
    }

    // A template's zone is kept by uuid only, so it may have been deleted since.
    private static Optional<TemplateView.ZoneRef> findZone(Session session, UUID id) {
        return Ownership.find(session, Zone.class, id)
                .map(zone -> new TemplateView.ZoneRef(zone.getUuid(), zone.getName()));
    }

    private static TemplateView view(Template template, Optional<TemplateView.ZoneRef> zone) {
        Optional<TemplateView.Owner> owner = Optional.ofNullable(template.getAccount())
                .map(account -> new TemplateView.Owner(
                        account.getUuid(),
                        account.getName(),
                        account.getDomain().getUuid(),
                        account.getDomain().getName()));
        return new TemplateView(
                template.getUuid(),
                template.getName(),
                template.getDisplayText(),
                owner,
                template.getFormat(),
                template.getHypervisor(),
                OsTypes.find(template.getOsTypeId()).orElseThrow(),
                zone,
                template.getZoneId() == null,
                template.isPublic(),
                template.isFeatured(),
                template.isPasswordEnabled(),
                template.getCreated());
    }
}
