package io.weft.server.jobs;

import io.weft.server.tenancy.User;
import io.weft.server.tenancy.UserReferences;
import org.hibernate.Session;

/** A deleted user's jobs stay in its account's history, no longer naming who submitted them. */
public final class JobUserReferences implements UserReferences {
    @Override
    public void release(Session session, User user) {
        session.createMutationQuery("update AsyncJob set user = null where user = :user")
                .setParameter("user", user)
                .executeUpdate();
    }
}
