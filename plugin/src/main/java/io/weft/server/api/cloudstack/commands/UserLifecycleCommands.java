package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TenancyResponses.UserResponse;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.TenancyState;
import io.weft.server.tenancy.UserService;
import io.weft.server.tenancy.UserUpdate;
import jakarta.inject.Inject;

/**
 * {@code updateUser}, {@code enableUser}, {@code disableUser}, {@code lockUser} and {@code
 * deleteUser}, answered as CloudStack does: {@code {"user":{…}}} (for {@code disableUser} as its
 * job result) and {@code {"success":"true"}}.
 */
final class UserLifecycleCommands {
    private UserLifecycleCommands() {}

    static final class Update extends SyncCommand {
        private final UserService users;

        @Inject
        Update(UserService users) {
            super("updateUser");
            this.users = requireNonNull(users, "users is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            UserUpdate update = new UserUpdate(
                    params.get("username"),
                    params.get("password"),
                    params.get("email"),
                    params.get("firstname"),
                    params.get("lastname"));
            return CloudStackResult.object(
                    "user", UserResponse.of(users.update(caller, params.requiredUuid("id"), update)));
        }
    }

    /** {@code enableUser} and {@code lockUser}: sync in CloudStack. */
    abstract static class SetState extends SyncCommand {
        private final UserService users;
        private final TenancyState state;

        SetState(String name, UserService users, TenancyState state) {
            super(name);
            this.users = requireNonNull(users, "users is null");
            this.state = requireNonNull(state, "state is null");
        }

        @Override
        public final CloudStackResult execute(Caller caller, Params params) {
            return CloudStackResult.object(
                    "user", UserResponse.of(users.setState(caller, params.requiredUuid("id"), state)));
        }
    }

    static final class Enable extends SetState {
        @Inject
        Enable(UserService users) {
            super("enableUser", users, TenancyState.ENABLED);
        }
    }

    static final class Lock extends SetState {
        @Inject
        Lock(UserService users) {
            super("lockUser", users, TenancyState.LOCKED);
        }
    }

    /** Async in CloudStack: the user is the job's result. */
    static final class Disable extends JobCommand {
        private final UserService users;

        @Inject
        Disable(UserService users) {
            super("disableUser", "User", "id");
            this.users = requireNonNull(users, "users is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            return JobOutcome.untracked(CloudStackResult.object(
                    "user", UserResponse.of(users.setState(caller, params.requiredUuid("id"), TenancyState.DISABLED))));
        }
    }

    static final class Delete extends SyncCommand {
        private final UserService users;

        @Inject
        Delete(UserService users) {
            super("deleteUser");
            this.users = requireNonNull(users, "users is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            users.delete(caller, params.requiredUuid("id"));
            return CloudStackResult.success();
        }
    }
}
