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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's unit of work in one transaction. Allocations (segment ids, addresses, MACs, names)
 * are checked first and then guarded by unique keys; when a concurrent transaction wins the race,
 * the loser sees CONCURRENT_MODIFICATION and may retry, rather than an internal error. A lost race
 * is expected under concurrent writes, so it is logged as one line at INFO, not as an error with
 * the driver's stack trace (logback.xml silences Hibernate's own report of the failed statement).
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private Transactions() {}

    public static <T> T write(SessionFactory sessions, Function<Session, T> work) {
        try {
            return sessions.fromTransaction(work);
        } catch (PersistenceException e) {
            if (isRace(e)) {
                LOG.info("a concurrent change won; answering CONCURRENT_MODIFICATION: {}", rootMessage(e));
                throw new WeftException(
                        ErrorCode.CONCURRENT_MODIFICATION, "a concurrent change won; retry the request", e);
            }
            throw e;
        }
    }

    /** The innermost cause's message: the database's own words, e.g. which unique key was hit. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
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
