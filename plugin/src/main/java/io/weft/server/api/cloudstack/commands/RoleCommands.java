package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code listRoles}: Weft's built-in roles, in CloudStack's names and types. */
final class RoleCommands {
    private RoleCommands() {}

    /** One role as CloudStack lists it; the id is derived from the role so it never changes. */
    record RoleResponse(String id, String name, String type, String description, boolean isdefault) {
        RoleResponse {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(description, "description is null");
        }

        static RoleResponse of(Role role) {
            return switch (role) {
                case ROOT_ADMIN -> of(role, "Root Admin", "Admin", "Default root admin role");
                case DOMAIN_ADMIN -> of(role, "Domain Admin", "DomainAdmin", "Default domain admin role");
                case USER -> of(role, "User", "User", "Default user role");
            };
        }

        private static RoleResponse of(Role role, String name, String type, String description) {
            UUID id = UUID.nameUUIDFromBytes(("weft-role:" + role.name()).getBytes(StandardCharsets.UTF_8));
            return new RoleResponse(id.toString(), name, type, description, true);
        }
    }

    static final class ListCommand extends SyncCommand {
        private final ApiConfig api;

        @Inject
        ListCommand(ApiConfig api) {
            super("listRoles");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            List<RoleResponse> roles =
                    Arrays.stream(Role.values()).map(RoleResponse::of).toList();
            Optional<String> type = params.get("type");
            return Listing.of(
                    "role",
                    roles,
                    params,
                    api,
                    role -> UUID.fromString(role.id()),
                    RoleResponse::name,
                    role -> type.map(t -> t.equalsIgnoreCase(role.type())).orElse(true),
                    role -> role);
        }
    }
}
