package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TenancyResponses.AccountResponse;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.AccountService;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.NewAccount;
import io.weft.server.tenancy.NewUser;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.TenancyState;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code createAccount}, {@code listAccounts}, {@code deleteAccount}, {@code disableAccount}, {@code
 * enableAccount}, {@code updateAccount}.
 */
final class AccountCommands {
    private AccountCommands() {}

    static NewUser newUser(Params params) {
        return new NewUser(
                params.required("username"),
                params.required("password"),
                params.get("email"),
                params.get("firstname"),
                params.get("lastname"));
    }

    /** The account named by {@code id}, or by {@code account} in {@code domainid} (the caller's domain if absent). */
    static UUID addressed(Owners owners, Caller caller, Params params) {
        Optional<UUID> id = params.uuid("id");
        if (id.isPresent()) {
            return id.get();
        }
        String name = params.get("account").orElseThrow(() -> params.missing("id"));
        return owners.account(caller, name, params.uuid("domainid")).id();
    }

    static final class Create extends SyncCommand {
        private final AccountService accounts;

        @Inject
        Create(AccountService accounts) {
            super("createAccount");
            this.accounts = requireNonNull(accounts, "accounts is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Role role;
            long accountType = params.number("accounttype").orElse(0L);
            try {
                role = Role.fromAccountType((int) accountType);
            } catch (IllegalArgumentException e) {
                throw params.invalid("accounttype", Long.toString(accountType));
            }
            AccountView account = accounts.create(
                    caller, new NewAccount(params.uuid("domainid"), params.get("account"), role, newUser(params)));
            return CloudStackResult.object("account", AccountResponse.of(account));
        }
    }

    static final class ListCommand extends SyncCommand {
        private final AccountService accounts;
        private final ApiConfig api;

        @Inject
        ListCommand(AccountService accounts, ApiConfig api) {
            super("listAccounts");
            this.accounts = requireNonNull(accounts, "accounts is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<Long> type = params.number("accounttype");
            Optional<java.util.UUID> domain = params.uuid("domainid");
            Optional<String> state = params.get("state");
            return Listing.of(
                    "account",
                    accounts.list(caller),
                    params,
                    api,
                    AccountView::id,
                    AccountView::name,
                    account -> type.map(t -> t == account.role().accountType()).orElse(true)
                            && domain.map(d -> d.equals(account.domainId())).orElse(true)
                            && state.map(s -> s.equalsIgnoreCase(account.state().displayName()))
                                    .orElse(true),
                    AccountResponse::of);
        }
    }

    static final class Delete extends JobCommand {
        private final AccountService accounts;

        @Inject
        Delete(AccountService accounts) {
            super("deleteAccount", "Account", "id");
            this.accounts = requireNonNull(accounts, "accounts is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            accounts.delete(caller, params.requiredUuid("id"), true);
            return JobOutcome.untracked(CloudStackResult.success());
        }
    }

    /** Async in CloudStack, because there disabling also stops the account's VMs; Weft leaves them. */
    static final class Disable extends JobCommand {
        private final AccountService accounts;
        private final Owners owners;

        @Inject
        Disable(AccountService accounts, Owners owners) {
            super("disableAccount", "Account", "id");
            this.accounts = requireNonNull(accounts, "accounts is null");
            this.owners = requireNonNull(owners, "owners is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            TenancyState state = params.bool("lock").orElseThrow(() -> params.missing("lock"))
                    ? TenancyState.LOCKED
                    : TenancyState.DISABLED;
            AccountView account = accounts.setState(caller, addressed(owners, caller, params), state);
            return JobOutcome.untracked(CloudStackResult.object("account", AccountResponse.of(account)));
        }
    }

    static final class Enable extends SyncCommand {
        private final AccountService accounts;
        private final Owners owners;

        @Inject
        Enable(AccountService accounts, Owners owners) {
            super("enableAccount");
            this.accounts = requireNonNull(accounts, "accounts is null");
            this.owners = requireNonNull(owners, "owners is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            AccountView account = accounts.setState(caller, addressed(owners, caller, params), TenancyState.ENABLED);
            return CloudStackResult.object("account", AccountResponse.of(account));
        }
    }

    static final class Update extends SyncCommand {
        private final AccountService accounts;
        private final Owners owners;

        @Inject
        Update(AccountService accounts, Owners owners) {
            super("updateAccount");
            this.accounts = requireNonNull(accounts, "accounts is null");
            this.owners = requireNonNull(owners, "owners is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            // Weft keeps no role ids, DNS suffixes or details for accounts; refusing beats ignoring them.
            if (params.get("networkdomain").isPresent()
                    || params.get("roleid").isPresent()
                    || !params.indexed("accountdetails").isEmpty()) {
                throw new WeftException(
                        ErrorCode.INVALID_PARAMETER,
                        "changing an account's role, DNS suffix or details is not supported; only newname");
            }
            String newName = params.required("newname");
            AccountView account = accounts.rename(caller, addressed(owners, caller, params), newName);
            return CloudStackResult.object("account", AccountResponse.of(account));
        }
    }
}
