package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.weft.server.persistence.ChangeRecord;
import io.weft.server.persistence.DispatcherLease;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.PortStatus;
import io.weft.spec.host.ResyncRequest;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management server's dispatcher: while it holds the database lease it reads committed change
 * records in order, recompiles the hosts they touch and sends each one keyed update; it tracks the
 * agents' acks and heartbeats, resends a FULL when a host is silent or disagrees, and answers
 * "is this change live, and where?". Everything stateful runs on one thread; other threads only
 * submit work to it.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String LEASE = "dispatcher";

    private final SessionFactory sessions;
    private final FleetStore store;
    private final HostChannel channel;
    private final Clock clock;
    private final DispatchSettings settings;
    private final String serverId;
    private final Consumer<PortStatus> portStatusListener;
    private final ScheduledExecutorService loop;
    private final ConvergenceTracker tracker;
    private final Map<Long, List<CompletableFuture<ChangeStatus>>> waiters = new HashMap<>();
    private final Set<String> dirtyHosts = new TreeSet<>();
    private final Map<String, Long> latestGroupChange = new HashMap<>();
    // Make-before-break: updates for hosts behind a barrier wait here, in generation order.
    private final Map<String, java.util.ArrayDeque<HostUpdate>> held = new HashMap<>();
    private final List<MigrationBarrier> barriers = new ArrayList<>();
    private final Counter updatesSent;
    private final Counter fullResends;
    private final Counter sendFailures;
    // Gauges are read by the metrics scrape on another thread, so the loop publishes into atomics.
    private final AtomicLong leader = new AtomicLong();
    private final AtomicLong laggingHosts = new AtomicLong();
    private final AtomicLong maxGenerationLag = new AtomicLong();

    private DispatchPlanner planner;
    private long lastDispatchedChange;
    private Instant leaseRenewDue = Instant.MIN;
    private Instant lagPublishDue = Instant.MIN;

    public Dispatcher(
            SessionFactory sessions,
            FleetStore store,
            HostChannel channel,
            Clock clock,
            DispatchSettings settings,
            MeterRegistry metrics,
            Consumer<PortStatus> portStatusListener) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.store = requireNonNull(store, "store is null");
        this.channel = requireNonNull(channel, "channel is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.portStatusListener = requireNonNull(portStatusListener, "portStatusListener is null");
        this.serverId = UUID.randomUUID().toString();
        this.tracker =
                new ConvergenceTracker(settings.ackTimeout(), settings.maxRetryBackoff(), settings.heartbeatTimeout());
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "weft-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        this.updatesSent = metrics.counter("weft_dispatch_updates_sent");
        this.fullResends = metrics.counter("weft_dispatch_full_resends");
        this.sendFailures = metrics.counter("weft_dispatch_send_failures");
        metrics.gauge("weft_dispatch_leader", leader);
        metrics.gauge("weft_dispatch_lagging_hosts", laggingHosts);
        metrics.gauge("weft_dispatch_max_generation_lag", maxGenerationLag);
    }

    public void start() {
        long period = Math.max(1, settings.pollInterval().toMillis());
        loop.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Handles a message from an agent (called on the broker's thread). */
    public void onMessage(HostMessage message) {
        loop.execute(() -> handle(message));
    }

    /** Dispatches pending changes now rather than at the next poll. */
    public void nudge() {
        loop.execute(this::tick);
    }

    public boolean isLeader() {
        return call(() -> planner != null);
    }

    public List<HostConvergence> hosts() {
        return call(() -> tracker.hosts(clock.instant()));
    }

    public Optional<HostConvergence> host(String hostId) {
        return call(() -> tracker.host(hostId, clock.instant()));
    }

    public ChangeStatus change(long changeId) {
        return call(() -> status(changeId));
    }

    /**
     * On how many hosts the security group's latest version is live: every host that holds the
     * group (a member NIC there, or a rule there referencing it) and has applied it.
     */
    public GroupConvergence group(String groupId) {
        return call(() -> {
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
        });
    }

    /**
     * Waits until every host the change reached has applied it, or the timeout passes; either way
     * returns where the change stands, so the caller can report who has not applied it.
     */
    public ChangeStatus awaitApplied(long changeId, Duration timeout) {
        CompletableFuture<ChangeStatus> done = new CompletableFuture<>();
        loop.execute(() -> {
            ChangeStatus status = status(changeId);
            if (status.live()) {
                done.complete(status);
            } else {
                waiters.computeIfAbsent(changeId, id -> new ArrayList<>()).add(done);
            }
        });
        nudge();
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return change(changeId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return change(changeId);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for change " + changeId + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the loop ------------------------------------------------------------------------------

    private void tick() {
        try {
            holdLease();
            leader.set(planner == null ? 0 : 1);
            if (planner != null) {
                releaseBarriers();
                dispatchPending();
                resendOverdue();
                flushHostStatus();
                publishLag();
            }
        } catch (RuntimeException e) {
            LOG.warn("dispatcher tick failed; will retry", e);
        }
    }

    private void holdLease() {
        Instant now = clock.instant();
        if (planner != null && now.isBefore(leaseRenewDue)) {
            return;
        }
        Optional<Long> epoch = sessions.fromTransaction(session -> {
            DispatcherLease lease = session.createQuery(
                            "from DispatcherLease where name = :name", DispatcherLease.class)
                    .setParameter("name", LEASE)
                    .uniqueResultOptional()
                    .orElseGet(() -> {
                        DispatcherLease created = new DispatcherLease(UUID.randomUUID(), LEASE);
                        session.persist(created);
                        return created;
                    });
            boolean mine = serverId.equals(lease.getHolder());
            boolean free = lease.getExpiresAt() == null || lease.getExpiresAt().isBefore(now);
            if (!mine && !free) {
                return Optional.<Long>empty();
            }
            lease.grant(serverId, now.plus(settings.leaseDuration()));
            return Optional.of(lease.getEpoch());
        });
        if (epoch.isEmpty()) {
            if (planner != null) {
                LOG.warn("dispatcher lease lost; standing by");
                planner = null;
            }
            return;
        }
        leaseRenewDue = now.plus(settings.leaseDuration().dividedBy(3));
        if (planner == null || planner.epoch() != epoch.get()) {
            takeOver(epoch.get());
        }
    }

    /** Rebuilds the fleet from the database and sends every host a FULL in the new epoch. */
    private void takeOver(long epoch) {
        LOG.info("dispatcher {} takes over in epoch {}", serverId, epoch);
        held.clear();
        barriers.clear();
        List<FleetChange> everything = sessions.fromTransaction(store::loadAll);
        planner = new DispatchPlanner(epoch, new FleetModel());
        everything.forEach(change -> change.applyTo(planner.fleet()));
        for (String hostId : planner.fleet().hostIds()) {
            planner.full(hostId).ifPresent(this::send);
        }
    }

    private void dispatchPending() {
        List<ChangeRecord> records = sessions.fromTransaction(session -> session.createQuery(
                        "from ChangeRecord where dispatched = false and id > :after order by id", ChangeRecord.class)
                .setParameter("after", lastDispatchedChange)
                .setMaxResults(settings.batchSize())
                .list());
        if (records.isEmpty()) {
            return;
        }
        List<ChangeRecordPayload> payloads = records.stream()
                .map(r -> ChangeRecordPayload.parse(r.getKind(), r.getPayload()))
                .toList();
        if (payloads.stream().anyMatch(p -> !p.isEntityChange())) {
            List<FleetChange> everything = sessions.fromTransaction(store::loadAll);
            planner.reload(everything).forEach(this::send);
            markDispatched(records, payloads, null, List.of());
            return;
        }
        List<FleetChange> changes = new ArrayList<>();
        List<List<Integer>> positions = new ArrayList<>();
        sessions.inTransaction(session -> {
            for (ChangeRecordPayload payload : payloads) {
                List<FleetChange> loaded =
                        switch (payload.kind()) {
                            case "host" -> store.hosts(session, payload.ids());
                            case "network" -> store.networks(session, payload.ids());
                            case "group" -> store.groups(session, payload.ids(), payload.tightens());
                            default -> store.nics(session, payload.ids(), payload.tightens());
                        };
                List<Integer> mine = new ArrayList<>();
                for (FleetChange change : loaded) {
                    mine.add(changes.size());
                    changes.add(change);
                }
                positions.add(mine);
            }
        });
        List<Move> moves = moves(changes);
        DispatchPlan plan = planner.plan(changes);
        if (!moves.isEmpty()) {
            holdForMoves(moves, plan);
        }
        plan.updates().forEach(this::send);
        markDispatched(records, payloads, plan, positions);
    }

    private void markDispatched(
            List<ChangeRecord> records,
            List<ChangeRecordPayload> payloads,
            DispatchPlan plan,
            List<List<Integer>> positions) {
        Instant now = clock.instant();
        List<Long> ids = records.stream().map(ChangeRecord::getId).toList();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Generation> required = plan == null ? Map.of() : plan.requiredGenerations(positions.get(i));
            tracker.changeDispatched(ids.get(i), required);
            if (payloads.get(i).kind().equals("group")) {
                for (UUID group : payloads.get(i).ids()) {
                    latestGroupChange.put(group.toString(), ids.get(i));
                }
            }
            for (String removedHost : removedHosts(payloads.get(i))) {
                tracker.forget(removedHost);
            }
        }
        sessions.inTransaction(session -> session.createMutationQuery(
                        "update ChangeRecord set dispatched = true, dispatchedAt = :now where id in :ids")
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate());
        lastDispatchedChange = ids.get(ids.size() - 1);
        ids.forEach(this::completeWaiters);
    }

    private List<String> removedHosts(ChangeRecordPayload payload) {
        if (!payload.kind().equals("host")) {
            return List.of();
        }
        return payload.ids().stream()
                .map(UUID::toString)
                .filter(id -> planner.fleet().host(id).isEmpty())
                .toList();
    }

    /** A NIC bound to one host and now to another: the moves of this batch. */
    private record Move(String nicId, String from, String to) {}

    private List<Move> moves(List<FleetChange> changes) {
        List<Move> moves = new ArrayList<>();
        for (FleetChange change : changes) {
            if (change instanceof FleetChange.PutNic put && put.nic().hostId().isPresent()) {
                String to = put.nic().hostId().get();
                planner.fleet()
                        .nic(put.nic().nicId())
                        .flatMap(FleetNic::hostId)
                        .filter(from -> !from.equals(to))
                        .ifPresent(from -> moves.add(new Move(put.nic().nicId(), from, to)));
            }
        }
        return moves;
    }

    /**
     * Orders this batch's updates for make-before-break: destinations first; every other host
     * once the destinations have applied theirs; the sources last, once the peers have too.
     */
    private void holdForMoves(List<Move> moves, DispatchPlan plan) {
        Map<String, Generation> generations = new TreeMap<>();
        plan.updates().forEach(u -> generations.put(u.hostId(), u.generation()));
        Set<String> destinations = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        moves.forEach(m -> {
            destinations.add(m.to());
            sources.add(m.from());
        });
        sources.removeAll(destinations);
        Set<String> peers = new TreeSet<>(generations.keySet());
        peers.removeAll(destinations);
        peers.removeAll(sources);
        Instant deadline = clock.instant().plus(settings.ackTimeout().multipliedBy(3));
        Map<String, Generation> destinationGenerations = only(generations, destinations);
        Map<String, Generation> beforeSources = new TreeMap<>(destinationGenerations);
        beforeSources.putAll(only(generations, peers));
        hold(new MigrationBarrier(
                destinationGenerations, only(generations, peers).keySet(), deadline));
        hold(new MigrationBarrier(beforeSources, only(generations, sources).keySet(), deadline));
        LOG.info(
                "make-before-break for {}: destinations {}, then peers {}, then sources {}",
                moves,
                destinations,
                peers,
                sources);
    }

    private static Map<String, Generation> only(Map<String, Generation> generations, Set<String> hosts) {
        Map<String, Generation> selected = new TreeMap<>();
        hosts.forEach(h -> {
            if (generations.containsKey(h)) {
                selected.put(h, generations.get(h));
            }
        });
        return selected;
    }

    private void hold(MigrationBarrier barrier) {
        if (barrier.released().isEmpty()) {
            return;
        }
        barriers.add(barrier);
        barrier.released().forEach(h -> held.computeIfAbsent(h, k -> new java.util.ArrayDeque<>()));
    }

    /** Releases the hosts of every barrier that is satisfied and no longer held by another. */
    private void releaseBarriers() {
        if (barriers.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        barriers.removeIf(b -> b.satisfied(tracker::hasApplied, now));
        Set<String> stillHeld = new TreeSet<>();
        barriers.forEach(b -> stillHeld.addAll(b.released()));
        for (String hostId : new ArrayList<>(held.keySet())) {
            if (!stillHeld.contains(hostId)) {
                java.util.ArrayDeque<HostUpdate> queue = held.remove(hostId);
                queue.forEach(this::send);
            }
        }
    }

    private void resendOverdue() {
        for (String hostId : tracker.overdue(clock.instant())) {
            if (held.containsKey(hostId)) {
                continue; // its newest state waits behind a make-before-break barrier
            }
            Optional<HostUpdate> full = planner.full(hostId);
            if (full.isPresent()) {
                fullResends.increment();
                deliver(full.get());
                tracker.resent(full.get(), clock.instant());
            } else {
                tracker.forget(hostId);
            }
        }
    }

    private void handle(HostMessage message) {
        Instant now = clock.instant();
        dirtyHosts.add(message.hostId());
        if (message instanceof HostAck ack) {
            if (tracker.acked(ack, now)) {
                sendFull(ack.hostId(), "ack hash differs");
            }
            releaseBarriers();
            completeAllWaiters();
        } else if (message instanceof Heartbeat heartbeat) {
            if (tracker.heartbeat(heartbeat, now)) {
                sendFull(heartbeat.hostId(), "heartbeat hash differs");
            }
            completeAllWaiters();
        } else if (message instanceof ResyncRequest resync) {
            sendFull(resync.hostId(), "agent asked: " + resync.reason());
        } else if (message instanceof PortStatus status) {
            portStatusListener.accept(status);
        } else {
            LOG.warn(
                    "ignoring a {} on the manager queue from host {}",
                    message.getClass().getSimpleName(),
                    message.hostId());
        }
    }

    private void completeAllWaiters() {
        new ArrayList<>(waiters.keySet()).forEach(this::completeWaiters);
    }

    private void sendFull(String hostId, String why) {
        if (planner == null) {
            return;
        }
        LOG.info("sending FULL to host {}: {}", hostId, why);
        planner.full(hostId).ifPresent(full -> {
            fullResends.increment();
            send(full);
        });
    }

    private void send(HostUpdate update) {
        java.util.ArrayDeque<HostUpdate> queue = held.get(update.hostId());
        if (queue != null) {
            queue.add(update);
            return;
        }
        deliver(update);
        tracker.sent(update, clock.instant());
        dirtyHosts.add(update.hostId());
    }

    private void deliver(HostUpdate update) {
        try {
            channel.send(update);
            updatesSent.increment();
        } catch (Exception e) {
            // Not dropped: the host stays unacknowledged and gets a FULL after the ack timeout.
            sendFailures.increment();
            LOG.warn("could not send generation {} to host {}: {}", update.generation(), update.hostId(), e.toString());
        }
    }

    private void completeWaiters(long changeId) {
        List<CompletableFuture<ChangeStatus>> waiting = waiters.get(changeId);
        if (waiting == null) {
            return;
        }
        ChangeStatus status = status(changeId);
        if (status.live()) {
            waiting.forEach(w -> w.complete(status));
            waiters.remove(changeId);
        }
    }

    private ChangeStatus status(long changeId) {
        return tracker.change(changeId).map(m -> ChangeStatus.of(changeId, m)).orElse(ChangeStatus.pending(changeId));
    }

    private void publishLag() {
        Instant now = clock.instant();
        if (now.isBefore(lagPublishDue)) {
            return;
        }
        lagPublishDue = now.plusSeconds(1);
        List<HostConvergence> all = tracker.hosts(clock.instant());
        laggingHosts.set(all.stream().filter(h -> !h.inSync()).count());
        maxGenerationLag.set(all.stream()
                .mapToLong(h -> h.desired().number() - h.applied().number())
                .max()
                .orElse(0));
    }

    /** Writes desired/applied generations and liveness of hosts that changed, for every server to read. */
    private void flushHostStatus() {
        if (dirtyHosts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<HostConvergence> changed = new ArrayList<>();
        for (String hostId : dirtyHosts) {
            tracker.host(hostId, now).ifPresent(changed::add);
        }
        dirtyHosts.clear();
        sessions.inTransaction(session -> {
            for (HostConvergence host : changed) {
                session.createMutationQuery(
                                "update Host set desiredGeneration = :desired, appliedGeneration = :applied,"
                                        + " appliedHash = :hash, lastError = :error, lastHeartbeat = :heartbeat where uuid = :uuid")
                        .setParameter("desired", host.desired().number())
                        .setParameter("applied", host.applied().number())
                        .setParameter("hash", host.inSync() ? host.desiredHash() : null)
                        .setParameter("error", host.lastError().orElse(null))
                        .setParameter("heartbeat", host.lastHeartbeat().orElse(null))
                        .setParameter("uuid", UUID.fromString(host.hostId()))
                        .executeUpdate();
            }
        });
    }

    private <T> T call(java.util.concurrent.Callable<T> work) {
        try {
            return loop.submit(work).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the dispatcher", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dispatcher did not answer", e);
        }
    }
}
