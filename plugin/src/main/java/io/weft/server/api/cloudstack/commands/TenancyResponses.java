package io.weft.server.api.cloudstack.commands;

import io.weft.server.tenancy.AccountView;
import io.weft.server.tenancy.DomainView;
import io.weft.server.tenancy.Role;
import io.weft.server.tenancy.UserKeys;
import io.weft.server.tenancy.UserView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Domains, accounts, users and keys as CloudStack names their fields (API-COMPAT §2.5). */
final class TenancyResponses {
    private TenancyResponses() {}

    record DomainResponse(
            String id, String name, int level, String parentdomainid, boolean haschild, String path, String state) {
        static DomainResponse of(DomainView domain) {
            return new DomainResponse(
                    domain.id().toString(),
                    domain.name(),
                    domain.level(),
                    domain.parentId().map(UUID::toString).orElse(null),
                    domain.hasChild(),
                    displayPath(domain.path()),
                    domain.state().displayName());
        }
    }

    record AccountResponse(
            String id,
            String name,
            int accounttype,
            String roletype,
            String domain,
            String domainid,
            String domainpath,
            String state,
            List<UserResponse> user) {
        static AccountResponse of(AccountView account) {
            return new AccountResponse(
                    account.id().toString(),
                    account.name(),
                    account.role().accountType(),
                    roleType(account.role()),
                    account.domainName(),
                    account.domainId().toString(),
                    displayPath(account.domainPath()),
                    account.state().displayName(),
                    account.users().stream().map(UserResponse::of).toList());
        }
    }

    record UserResponse(
            String id,
            String username,
            String firstname,
            String lastname,
            String email,
            String account,
            String accountid,
            int accounttype,
            String roletype,
            String roleid,
            String rolename,
            String domainid,
            String domain,
            String apikey,
            String state,
            Instant created,
            boolean isdefault,
            String usersource) {
        static UserResponse of(UserView user) {
            RoleCommands.RoleResponse role = RoleCommands.RoleResponse.of(user.role());
            return new UserResponse(
                    user.id().toString(),
                    user.username(),
                    user.firstName().orElse(null),
                    user.lastName().orElse(null),
                    user.email().orElse(null),
                    user.accountName(),
                    user.accountId().toString(),
                    user.role().accountType(),
                    roleType(user.role()),
                    role.id(),
                    role.name(),
                    user.domainId().toString(),
                    user.domainName(),
                    user.apiKey().orElse(null),
                    user.state().displayName(),
                    user.created(),
                    false,
                    "native");
        }
    }

    record UserKeysResponse(String apikey, String secretkey) {
        static UserKeysResponse of(UserKeys keys) {
            return new UserKeysResponse(keys.apiKey(), keys.secretKey());
        }
    }

    static String roleType(Role role) {
        return switch (role) {
            case ROOT_ADMIN -> "Admin";
            case DOMAIN_ADMIN -> "DomainAdmin";
            case USER -> "User";
        };
    }

    /** Weft keeps {@code ROOT/child/}; CloudStack shows {@code ROOT/child}. */
    private static String displayPath(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
