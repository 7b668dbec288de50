package io.weft.server.service;

import static java.util.Objects.requireNonNull;

import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeCodec;
import io.weft.server.persistence.outbox.ChangeKind;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The network services' shorthand for appending to the outbox; the format itself is {@link
 * ChangeCodec}'s. Each method appends one record, or none when {@code ids} is empty, and returns the
 * ids of what was written.
 */
public final class ChangeRecords {
    private ChangeRecords() {}

    public static List<Long> networks(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, ChangeKind.NETWORK, ids, tightens);
    }

    public static List<Long> nics(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, ChangeKind.NIC, ids, tightens);
    }

    public static List<Long> groups(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, ChangeKind.GROUP, ids, tightens);
    }

    public static List<Long> hosts(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, ChangeKind.HOST, ids, tightens);
    }

    private static List<Long> append(
            ChangeLog log, Session session, ChangeKind kind, Collection<UUID> ids, boolean tightens) {
        requireNonNull(log, "log is null");
        return log.append(session, Change.of(kind, ids, tightens));
    }
}
