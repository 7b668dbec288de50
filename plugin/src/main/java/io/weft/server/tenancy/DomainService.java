package io.weft.server.tenancy;

import static io.weft.server.tenancy.TenancyOperations.checkName;
import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Domains: root manages all, a domain admin its subtree; everyone sees its own domain. */
public final class DomainService {
    private final TenancyOperations operations;
    private final TenancyStore store;
    private final Authorizer authorizer;
    private final AccountService accounts;
    private final Clock clock;

    @Inject
    DomainService(
            TenancyOperations operations,
            TenancyStore store,
            Authorizer authorizer,
            AccountService accounts,
            Clock clock) {
        this.operations = requireNonNull(operations, "operations is null");
        this.store = requireNonNull(store, "store is null");
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Creates a domain under {@code parentId}, or under the caller's own domain when empty. */
    public DomainView create(Caller caller, String name, Optional<UUID> parentId) {
        String checkedName = checkName("name", name);
        if (checkedName.contains("/")) {
            throw WeftException.invalid("a domain name may not contain '/'");
        }
        return operations.write(session -> {
            Domain parent = operations.domain(session, caller, parentId.orElse(caller.domainId()));
            authorizer.requireAdminOf(caller, parent);
            Domain domain = Domain.child(UUID.randomUUID(), parent, checkedName, clock.instant());
            if (store.findDomainByPath(session, domain.getPath()).isPresent()) {
                throw new WeftException(
                        ErrorCode.DUPLICATE, "domain " + checkedName + " already exists under " + parent.getPath());
            }
            store.persist(session, domain);
            return view(domain, false);
        });
    }

    public List<DomainView> list(Caller caller) {
        return operations.read(session -> store.listDomains(session, Visibility.of(caller), caller.domainId()).stream()
                .map(domain -> view(domain, store.countChildDomains(session, domain) > 0))
                .toList());
    }

    public DomainView get(Caller caller, UUID id) {
        return operations.read(session -> {
            Domain domain = operations.domain(session, caller, id);
            return view(domain, store.countChildDomains(session, domain) > 0);
        });
    }

    /**
     * Deletes a domain. One that still has subdomains or accounts is refused (IN_USE) unless {@code
     * cleanup}, which deletes the whole subtree with its accounts and their resources.
     */
    public void delete(Caller caller, UUID id, boolean cleanup) {
        operations.write(session -> {
            Domain domain = operations.domain(session, caller, id);
            authorizer.requireAdminOf(caller, domain);
            if (domain.isRoot() || domain.getUuid().equals(caller.domainId())) {
                throw new WeftException(
                        ErrorCode.PERMISSION_DENIED, "the ROOT domain and one's own domain cannot be deleted");
            }
            if (!cleanup) {
                long children = store.countChildDomains(session, domain);
                long accountCount = store.countAccounts(session, domain);
                if (children > 0 || accountCount > 0) {
                    throw new WeftException(
                            ErrorCode.IN_USE,
                            "domain " + domain.getPath() + " still has " + children + " subdomains and " + accountCount
                                    + " accounts; delete them first or use cleanup");
                }
            }
            for (Domain member : store.subtree(session, domain)) {
                for (Account account : store.accountsIn(session, member)) {
                    accounts.deleteWithResources(session, account);
                }
                store.deleteDomain(session, member);
                // Deepest first: flush so that a child row is gone before its parent's.
                session.flush();
            }
            return null;
        });
    }

    private static DomainView view(Domain domain, boolean hasChild) {
        return new DomainView(
                domain.getUuid(),
                domain.getName(),
                Optional.ofNullable(domain.getParent()).map(Domain::getUuid),
                domain.getPath(),
                domain.getLevel(),
                hasChild,
                domain.getState());
    }
}
