package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.service.Transactions;
import io.weft.server.tenancy.Authorizer;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The operator's service offerings. Every account lists them (all are public); only root admins
 * create, change or delete them. Deleting marks an offering removed: VMs keep reporting it, new ones
 * may not use it. An id that names no offering in use is NOT_FOUND with CloudStack's text.
 */
public final class ServiceOfferingService {
    private final SessionFactory sessions;
    private final CatalogueStore store;
    private final Authorizer authorizer;
    private final Clock clock;

    @Inject
    public ServiceOfferingService(SessionFactory sessions, CatalogueStore store, Authorizer authorizer, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Creates an offering (root admins; PERMISSION_DENIED otherwise). */
    public ServiceOfferingView create(Caller caller, OfferingSpec spec) {
        authorizer.requireRootAdmin(caller);
        OfferingSpec checked = spec.validated();
        return Transactions.write(sessions, session -> {
            ServiceOffering offering = new ServiceOffering(UUID.randomUUID(), checked, clock.instant());
            store.persist(session, offering);
            return ServiceOfferingView.of(offering);
        });
    }

    /** Every offering in use, smallest first; the same for every caller. */
    public List<ServiceOfferingView> list(Caller caller) {
        requireNonNull(caller, "caller is null");
        return sessions.fromTransaction(session ->
                store.offerings(session).stream().map(ServiceOfferingView::of).toList());
    }

    /** Renames an offering or changes its display text (root admins); its sizes never change. */
    public ServiceOfferingView update(Caller caller, UUID id, Optional<String> name, Optional<String> displayText) {
        authorizer.requireRootAdmin(caller);
        name.ifPresent(n -> CatalogueNames.check("service offering", n));
        return Transactions.write(sessions, session -> {
            ServiceOffering offering = inUse(session, id);
            name.ifPresent(offering::setName);
            displayText.ifPresent(offering::setDisplayText);
            session.flush();
            return ServiceOfferingView.of(offering);
        });
    }

    /** Marks an offering removed (root admins). */
    public void delete(Caller caller, UUID id) {
        authorizer.requireRootAdmin(caller);
        Transactions.write(sessions, session -> {
            inUse(session, id).markRemoved(clock.instant());
            return id;
        });
    }

    private ServiceOffering inUse(Session session, UUID id) {
        return store.offering(session, id)
                .filter(offering -> !offering.isRemoved())
                .orElseThrow(() -> CatalogueErrors.noSuch("id", id));
    }
}
