package io.weft.server.securitygroup;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** How a request names a security group: EC2 by id, CloudStack by (account and) name. */
public sealed interface GroupRef {
    record ById(UUID id) implements GroupRef {
        public ById {
            requireNonNull(id, "id is null");
        }
    }

    /**
     * A group by name; of {@code accountName} in the owner's domain when given, else of the account
     * the request acts for.
     */
    record ByName(Optional<String> accountName, String name) implements GroupRef {
        public ByName {
            requireNonNull(accountName, "accountName is null");
            requireNonNull(name, "name is null");
        }
    }

    static GroupRef id(UUID id) {
        return new ById(id);
    }

    static GroupRef name(String name) {
        return new ByName(Optional.empty(), name);
    }

    static GroupRef name(String accountName, String name) {
        return new ByName(Optional.of(accountName), name);
    }
}
