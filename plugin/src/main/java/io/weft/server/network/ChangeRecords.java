package io.weft.server.network;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import io.weft.server.persistence.ChangeLog;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The one place that writes the outbox rows of the network services, so that their format is
 * defined once. A record's kind says what to reload ({@value #NETWORK}, {@value #NIC}, {@value
 * #GROUP}, {@value #HOST}); its payload is {@code {"ids":["<uuid>",...],"tightens":true|false}},
 * ids sorted. {@code tightens} is true only for changes that can only take access away (revoke,
 * delete, remove a member, unbind), which the dispatcher sends ahead of those that grant access.
 */
public final class ChangeRecords {
    public static final String NETWORK = "network";
    public static final String NIC = "nic";
    public static final String GROUP = "group";
    public static final String HOST = "host";

    private ChangeRecords() {}

    public static List<Long> networks(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, NETWORK, ids, tightens);
    }

    public static List<Long> nics(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, NIC, ids, tightens);
    }

    public static List<Long> groups(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, GROUP, ids, tightens);
    }

    public static List<Long> hosts(ChangeLog log, Session session, Collection<UUID> ids, boolean tightens) {
        return append(log, session, HOST, ids, tightens);
    }

    /** The payload for {@code ids}; public so that tests and the dispatcher's tests can expect it. */
    public static String payload(Collection<UUID> ids, boolean tightens) {
        String list = new TreeSet<>(ids).stream().map(id -> "\"" + id + "\"").collect(joining(","));
        return "{\"ids\":[" + list + "],\"tightens\":" + tightens + "}";
    }

    /** Appends one record, or none when nothing changed; returns the ids of what was written. */
    private static List<Long> append(
            ChangeLog log, Session session, String kind, Collection<UUID> ids, boolean tightens) {
        requireNonNull(log, "log is null");
        requireNonNull(session, "session is null");
        requireNonNull(ids, "ids is null");
        if (ids.isEmpty()) {
            return List.of();
        }
        return List.of(log.append(session, kind, payload(ids, tightens)).getId());
    }
}
