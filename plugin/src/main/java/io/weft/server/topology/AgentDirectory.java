package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which existing host a broker user is the agent of, from the hosts' {@code agent_user} column
 * (unique). Every message an agent sends asks, so answers are remembered for {@link #REMEMBERED}:
 * a host deleted or added on this server is forgotten at once ({@link #forget}); one deleted through
 * another server stops being answered within that time. Thread-safe.
 */
public final class AgentDirectory {
    static final Duration REMEMBERED = Duration.ofSeconds(10);
    /** Only authenticated broker users are asked about, so this bounds memory, not an attack. */
    private static final int MAX_REMEMBERED = 100_000;

    private record Answer(Optional<String> hostId, Instant until) {}

    private final TopologyOperations operations;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    @Inject
    AgentDirectory(TopologyOperations operations, Clock clock) {
        this.operations = requireNonNull(operations, "operations is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The id of the host whose agent logs in as {@code brokerUser}; empty when no host has it. */
    public Optional<String> hostOfAgent(String brokerUser) {
        requireNonNull(brokerUser, "brokerUser is null");
        Instant now = clock.instant();
        Answer known = answers.get(brokerUser);
        if (known != null && now.isBefore(known.until())) {
            return known.hostId();
        }
        Optional<String> hostId = operations
                .read(session -> session.createSelectionQuery(
                                "select uuid from Host where agentUser = :user", UUID.class)
                        .setParameter("user", brokerUser)
                        .uniqueResultOptional())
                .map(UUID::toString);
        if (answers.size() >= MAX_REMEMBERED) {
            answers.clear();
        }
        answers.put(brokerUser, new Answer(hostId, now.plus(REMEMBERED)));
        return hostId;
    }

    /** Drops what is remembered of {@code brokerUser}, whose host was just added or deleted. */
    public void forget(String brokerUser) {
        answers.remove(brokerUser);
    }
}
