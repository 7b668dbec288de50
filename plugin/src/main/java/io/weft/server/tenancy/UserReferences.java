package io.weft.server.tenancy;

import org.hibernate.Session;

/**
 * What a higher feature keeps that names a user but outlives it (a job keeps the record of who
 * submitted it). Tenancy sits below those features and does not name their rows, yet deleting a user
 * must let go of them: each such feature binds one of these with Guice's {@code Multibinder}.
 */
public interface UserReferences {
    /** Lets go of the feature's references to the user, in the caller's transaction, before it is deleted. */
    void release(Session session, User user);
}
