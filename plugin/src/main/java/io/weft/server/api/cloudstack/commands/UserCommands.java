package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TenancyResponses.UserKeysResponse;
import io.weft.server.api.cloudstack.commands.TenancyResponses.UserResponse;
import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.UserService;
import io.weft.server.tenancy.UserView;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** {@code createUser}, {@code listUsers}, {@code registerUserKeys}, {@code getUserKeys}. */
final class UserCommands {
    private UserCommands() {}

    static final class Create extends SyncCommand {
        private final UserService users;
        private final Owners owners;

        @Inject
        Create(UserService users, Owners owners) {
            super("createUser");
            this.users = requireNonNull(users, "users is null");
            this.owners = requireNonNull(owners, "owners is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            AccountView account = owners.account(caller, params.required("account"), params.uuid("domainid"));
            UserView user = users.create(caller, account.id(), AccountCommands.newUser(params));
            return CloudStackResult.object("user", UserResponse.of(user));
        }
    }

    static final class ListCommand extends SyncCommand {
        private final UserService users;
        private final ApiConfig api;

        @Inject
        ListCommand(UserService users, ApiConfig api) {
            super("listUsers");
            this.users = requireNonNull(users, "users is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<String> username = params.get("username");
            Optional<String> account = params.get("account");
            Optional<UUID> domain = params.uuid("domainid");
            Optional<Long> type = params.number("accounttype");
            Optional<String> state = params.get("state");
            return Listing.of(
                    "user",
                    users.list(caller),
                    params,
                    api,
                    UserView::id,
                    UserView::username,
                    user -> username.map(u -> u.equals(user.username())).orElse(true)
                            && account.map(a -> a.equalsIgnoreCase(user.accountName()))
                                    .orElse(true)
                            && domain.map(d -> d.equals(user.domainId())).orElse(true)
                            && type.map(t -> t == user.role().accountType()).orElse(true)
                            && state.map(s -> s.equalsIgnoreCase(user.state().displayName()))
                                    .orElse(true),
                    UserResponse::of);
        }
    }

    static final class RegisterKeys extends SyncCommand {
        private final UserService users;

        @Inject
        RegisterKeys(UserService users) {
            super("registerUserKeys");
            this.users = requireNonNull(users, "users is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            return CloudStackResult.object(
                    "userkeys", UserKeysResponse.of(users.registerKeys(caller, params.requiredUuid("id"))));
        }
    }

    static final class GetKeys extends SyncCommand {
        private final UserService users;

        @Inject
        GetKeys(UserService users) {
            super("getUserKeys");
            this.users = requireNonNull(users, "users is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            return CloudStackResult.object(
                    "userkeys", UserKeysResponse.of(users.getKeys(caller, params.requiredUuid("id"))));
        }
    }
}
