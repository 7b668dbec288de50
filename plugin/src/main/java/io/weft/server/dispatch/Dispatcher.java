package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.server.dispatch.OutboxReader.LoadedChanges;
import io.weft.server.dispatch.OutboxReader.OutboxBatch;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeKind;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.PortStatus;
import io.weft.spec.host.ResyncRequest;
import io.weft.spec.host.UpdateKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management server's dispatcher, as logic: while it holds the database lease it reads
 * committed change records in order, recompiles the hosts they touch and sends each one keyed
 * update; it tracks the agents' acks and heartbeats, resends a FULL when a host is silent or
 * disagrees, and answers "is this change live, and where?".
 *
 * <p>It composes one part per job: the lease ({@link DispatcherLeaseStore}), the outbox
 * ({@link OutboxReader}), the planner ({@link DispatchPlanner}), make-before-break
 * ({@link MoveOrdering}), acks and heartbeats ({@link ConvergenceTracker}), waiters
 * ({@link ChangeWaiters}), host rows ({@link HostStatusWriter}) and meters
 * ({@link DispatcherMetrics}). It has no thread of its own and is not thread-safe:
 * {@link DispatcherRuntime} runs it on one thread, and tests call it directly, step by step.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * The least time between two FULLs that one host's agent asks for without a hash: long enough
     * that a flood of requests costs one FULL every few seconds, short next to the ack timeout, so
     * an honest agent that asks twice (a reconnect after a restart) waits little.
     */
    static final Duration HASHLESS_RESYNC_INTERVAL = Duration.ofSeconds(5);

    private final DispatcherLeaseStore lease;
    private final OutboxReader outbox;
    private final HostChannel channel;
    private final HostStatusWriter hostStatus;
    private final DispatcherMetrics metrics;
    private final PortEvents portEvents;
    private final Clock clock;
    private final DispatchSettings settings;
    private final String serverId = UUID.randomUUID().toString();
    private final ConvergenceTracker tracker;
    private final MoveOrdering moves;
    private final ChangeWaiters waiters = new ChangeWaiters();
    private final Map<String, Long> latestGroupChange = new HashMap<>();
    private final HashlessResyncPacer resyncPacer = new HashlessResyncPacer(HASHLESS_RESYNC_INTERVAL);

    private DispatchPlanner planner;
    private final AwaitingReports awaiting = new AwaitingReports();
    private Instant leaseRenewDue = Instant.MIN;

    public Dispatcher(
            DispatcherLeaseStore lease,
            OutboxReader outbox,
            HostChannel channel,
            HostStatusWriter hostStatus,
            DispatcherMetrics metrics,
            PortEvents portEvents,
            Clock clock,
            DispatchSettings settings) {
        this.lease = requireNonNull(lease, "lease is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.channel = requireNonNull(channel, "channel is null");
        this.hostStatus = requireNonNull(hostStatus, "hostStatus is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.portEvents = requireNonNull(portEvents, "portEvents is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.tracker =
                new ConvergenceTracker(settings.ackTimeout(), settings.maxRetryBackoff(), settings.heartbeatTimeout());
        this.moves = new MoveOrdering(settings.ackTimeout().multipliedBy(3));
    }

    // --- one pass of the loop -----------------------------------------------------------------

    /** Holds the lease and, while leading, dispatches what is pending and resends what is overdue. */
    public void tick() {
        try {
            holdLease();
            metrics.leader(planner != null);
            if (planner != null) {
                releaseMoves();
                dispatchPending();
                sendFullsToSilentHosts();
                sendDeferredResyncFulls();
                resendOverdue();
                hostStatus.flush(hostId -> tracker.host(hostId, clock.instant()));
                metrics.lag(clock.instant(), () -> tracker.hosts(clock.instant()));
            }
        } catch (RuntimeException e) {
            LOG.warn("dispatcher tick failed; will retry", e);
        }
    }

    /** Handles a message from an agent. */
    public void handle(HostMessage message) {
        Instant now = clock.instant();
        hostStatus.changed(message.hostId());
        if (message instanceof HostAck ack) {
            if (tracker.acked(ack, now)) {
                sendFull(ack.hostId(), "ack hash differs");
            }
            releaseMoves();
            waiters.completeAllLive(this::status);
        } else if (message instanceof Heartbeat heartbeat) {
            if (tracker.heartbeat(heartbeat, now)) {
                sendFull(heartbeat.hostId(), "heartbeat hash differs");
            } else if (awaiting.isAwaiting(heartbeat.hostId())) {
                adopt(heartbeat.hostId(), heartbeat.applied(), heartbeat.desiredHash(), "first heartbeat");
            }
            waiters.completeAllLive(this::status);
        } else if (message instanceof ResyncRequest resync) {
            if (resync.desiredHash().isEmpty()) {
                if (planner == null || resyncPacer.admit(resync.hostId(), now)) {
                    sendFull(resync.hostId(), "agent asked: " + resync.reason());
                } else {
                    metrics.resyncDeferred();
                }
            } else {
                adopt(resync.hostId(), resync.applied(), resync.desiredHash(), "agent asked: " + resync.reason());
            }
        } else if (message instanceof PortStatus status) {
            portEvents.portStatus(status);
        } else {
            LOG.warn(
                    "ignoring a {} on the manager queue from host {}",
                    message.getClass().getSimpleName(),
                    message.hostId());
        }
    }

    private void holdLease() {
        Instant now = clock.instant();
        if (planner != null && now.isBefore(leaseRenewDue)) {
            return;
        }
        Optional<Long> epoch = lease.acquire(serverId, now, settings.leaseDuration());
        if (epoch.isEmpty()) {
            if (planner != null) {
                LOG.warn("dispatcher lease lost; standing by");
                planner = null;
                awaiting.clear();
                resyncPacer.clear();
            }
            return;
        }
        leaseRenewDue = now.plus(settings.leaseDuration().dividedBy(3));
        if (planner == null || planner.epoch() != epoch.get()) {
            takeOver(epoch.get());
        }
    }

    /**
     * Rebuilds the fleet from the database and moves every host into the new epoch: a host whose
     * agent has already said what it holds is confirmed (or sent a FULL if that differs), the rest
     * wait, up to the ack timeout, for their agents' next heartbeat or resync request.
     */
    private void takeOver(long epoch) {
        LOG.info("dispatcher {} takes over in epoch {}", serverId, epoch);
        moves.clear();
        List<FleetChange> everything = outbox.loadAll();
        planner = new DispatchPlanner(epoch, new FleetModel());
        everything.forEach(change -> change.applyTo(planner.fleet()));
        List<String> silent = new ArrayList<>();
        for (String hostId : planner.fleet().hostIds()) {
            tracker.report(hostId)
                    .ifPresentOrElse(
                            report -> adopt(hostId, report.applied(), report.desiredHash(), "take-over"),
                            () -> silent.add(hostId));
        }
        awaiting.await(silent, clock.instant().plus(settings.ackTimeout()));
    }

    /** Confirms what the host's agent holds when it is the host's state now; otherwise a FULL. */
    private void adopt(String hostId, Generation applied, String appliedHash, String why) {
        if (planner == null) {
            return;
        }
        planner.adopt(hostId, applied, appliedHash).ifPresent(update -> {
            if (update.kind() == UpdateKind.FULL) {
                LOG.info("sending FULL to host {}: {}", hostId, why);
                metrics.fullResent();
            } else {
                metrics.hostConfirmed();
            }
            send(update);
        });
    }

    private void sendDeferredResyncFulls() {
        for (String hostId : resyncPacer.due(clock.instant())) {
            sendFull(hostId, "agent asked again within " + HASHLESS_RESYNC_INTERVAL.toSeconds() + "s");
        }
    }

    private void sendFullsToSilentHosts() {
        for (String hostId : awaiting.silentPastDeadline(clock.instant())) {
            sendFull(hostId, "no report since the take-over");
        }
    }

    private void dispatchPending() {
        OutboxBatch batch = outbox.pending();
        if (batch.isEmpty()) {
            return;
        }
        if (batch.needsReload()) {
            planner.reload(outbox.loadAll()).forEach(this::send);
            markDispatched(batch, Optional.empty());
            return;
        }
        LoadedChanges loaded = outbox.load(batch);
        List<MoveOrdering.Move> moving = MoveOrdering.movesIn(loaded.changes(), planner.fleet());
        DispatchPlan plan = planner.plan(loaded.changes());
        if (!moving.isEmpty()) {
            Map<String, Generation> generations = new TreeMap<>();
            plan.updates().forEach(u -> generations.put(u.hostId(), u.generation()));
            LOG.info("make-before-break for {}: {}", moving, moves.order(moving, generations, clock.instant()));
        }
        plan.updates().forEach(this::send);
        markDispatched(batch, Optional.of(new PlannedBatch(plan, loaded.positions())));
    }

    /** A batch's plan and, per record, the positions of its changes in the plan's input. */
    private record PlannedBatch(DispatchPlan plan, List<List<Integer>> positions) {}

    private void markDispatched(OutboxBatch batch, Optional<PlannedBatch> planned) {
        for (int i = 0; i < batch.ids().size(); i++) {
            long changeId = batch.ids().get(i);
            Change payload = batch.payloads().get(i);
            int record = i;
            Map<String, Generation> required = planned.map(
                            p -> p.plan().requiredGenerations(p.positions().get(record), this::lastSentGeneration))
                    .orElseGet(this::everyHostsLastSentGeneration);
            tracker.changeDispatched(changeId, required);
            if (payload.kind() == ChangeKind.GROUP) {
                for (UUID group : payload.ids()) {
                    latestGroupChange.put(group.toString(), changeId);
                }
            }
            for (String removedHost : removedHosts(payload)) {
                tracker.forget(removedHost);
            }
        }
        outbox.markDispatched(batch, clock.instant());
        batch.ids().forEach(id -> waiters.completeIfLive(id, this::status));
    }

    private Optional<Generation> lastSentGeneration(String hostId) {
        return planner.sent(hostId).map(SentState::generation);
    }

    /**
     * What a reload's changes need: a reload does not say which hosts each change reached, so every
     * host must have applied the newest state it was sent (those already there count at once).
     */
    private Map<String, Generation> everyHostsLastSentGeneration() {
        Map<String, Generation> required = new TreeMap<>();
        for (String hostId : planner.fleet().hostIds()) {
            lastSentGeneration(hostId).ifPresent(generation -> required.put(hostId, generation));
        }
        return required;
    }

    private List<String> removedHosts(Change payload) {
        if (payload.kind() != ChangeKind.HOST) {
            return List.of();
        }
        return payload.ids().stream()
                .map(UUID::toString)
                .filter(id -> planner.fleet().host(id).isEmpty())
                .toList();
    }

    private void releaseMoves() {
        moves.release(tracker::hasApplied, clock.instant()).forEach(this::send);
    }

    private void resendOverdue() {
        for (String hostId : tracker.overdue(clock.instant())) {
            if (moves.holds(hostId)) {
                continue; // its newest state waits behind a make-before-break barrier
            }
            Optional<HostUpdate> full = planner.full(hostId);
            if (full.isPresent()) {
                metrics.fullResent();
                deliver(full.get());
                tracker.resent(full.get(), clock.instant());
            } else {
                tracker.forget(hostId);
            }
        }
    }

    private void sendFull(String hostId, String why) {
        if (planner == null) {
            return;
        }
        LOG.info("sending FULL to host {}: {}", hostId, why);
        planner.full(hostId).ifPresent(full -> {
            metrics.fullResent();
            send(full);
        });
    }

    private void send(HostUpdate update) {
        awaiting.settled(update.hostId());
        if (moves.offer(update)) {
            return;
        }
        deliver(update);
        tracker.sent(update, clock.instant());
        hostStatus.changed(update.hostId());
    }

    private void deliver(HostUpdate update) {
        try {
            channel.send(update);
            metrics.updateSent();
        } catch (Exception e) {
            // Not dropped: the host stays unacknowledged and gets a FULL after the ack timeout.
            metrics.sendFailed();
            LOG.warn("could not send generation {} to host {}: {}", update.generation(), update.hostId(), e.toString());
        }
    }

    // --- answers ------------------------------------------------------------------------------

    public boolean isLeader() {
        return planner != null;
    }

    public List<HostConvergence> hosts() {
        return tracker.hosts(clock.instant());
    }

    public Optional<HostConvergence> host(String hostId) {
        return tracker.host(hostId, clock.instant());
    }

    public ChangeStatus change(long changeId) {
        return status(changeId);
    }

    /** See {@link ConvergenceQueries#group}. */
    public GroupConvergence group(String groupId) {
        if (planner == null) {
            return new GroupConvergence(groupId, Optional.empty(), new TreeMap<>());
        }
        CalculationIndex index = planner.fleet().index();
        Set<String> holding = new TreeSet<>(index.hostsWithMembersOf(groupId));
        holding.addAll(index.hostsReferencing(groupId));
        Optional<Long> latest = Optional.ofNullable(latestGroupChange.get(groupId));
        Map<String, Boolean> required = latest.flatMap(tracker::change).orElse(Map.of());
        Instant now = clock.instant();
        Map<String, Boolean> live = new TreeMap<>();
        for (String host : holding) {
            boolean applied = required.containsKey(host)
                    ? required.get(host)
                    : tracker.host(host, now).map(HostConvergence::inSync).orElse(false);
            live.put(host, applied);
        }
        return GroupConvergence.of(groupId, latest, live);
    }

    /** Completes {@code done} with the change's status once it is live on every host it reached. */
    public void completeWhenApplied(long changeId, CompletableFuture<ChangeStatus> done) {
        waiters.await(status(changeId), done);
    }

    private ChangeStatus status(long changeId) {
        return tracker.change(changeId).map(m -> ChangeStatus.of(changeId, m)).orElse(ChangeStatus.pending(changeId));
    }
}
