package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.Params;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves CloudStack's owner parameters, {@code account} (a name) with {@code domainid}, to an
 * account id. Only accounts the caller may see resolve; whether it may act for them is the
 * service's decision.
 */
final class Owners {
    private final AccountService accounts;

    @Inject
    Owners(AccountService accounts) {
        this.accounts = requireNonNull(accounts, "accounts is null");
    }

    /** The account named by {@code account}/{@code domainid}; empty when {@code account} is absent. */
    Optional<UUID> owner(Caller caller, Params params) {
        Optional<String> name = params.get("account");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(account(caller, name.get(), params.uuid("domainid")).id());
    }

    AccountView account(Caller caller, String name, Optional<UUID> domainId) {
        UUID domain = domainId.orElse(caller.domainId());
        return accounts.list(caller).stream()
                .filter(account -> account.name().equalsIgnoreCase(name)
                        && account.domainId().equals(domain))
                .findFirst()
                .orElseThrow(() -> new WeftException(
                        ErrorCode.NOT_FOUND, "Unable to find account " + name + " in domain " + domain));
    }
}
