package io.weft.server.service;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Runs a service's unit of work in one transaction. Allocations (segment ids, addresses, MACs, names)
 * are checked first and then guarded by unique keys; when a concurrent transaction wins the race,
 * the loser sees CONCURRENT_MODIFICATION and may retry, rather than an internal error.
 */
public final class Transactions {
    private Transactions() {}

    public static <T> T write(SessionFactory sessions, Function<Session, T> work) {
        try {
            return sessions.fromTransaction(work);
        } catch (PersistenceException e) {
            if (isRace(e)) {
                throw new WeftException(
                        ErrorCode.CONCURRENT_MODIFICATION, "a concurrent change won; retry the request", e);
            }
            throw e;
        }
    }

    private static boolean isRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException
                    || cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
