package io.weft.agent.core;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.weft.agent.dataplane.Dataplane;
import io.weft.agent.dataplane.DataplaneException;
import io.weft.agent.state.AgentState;
import io.weft.agent.state.StateStore;
import io.weft.agent.state.UpdateDecider;
import io.weft.agent.state.UpdateDecision;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.NicPortEntry;
import io.weft.spec.host.AckStatus;
import io.weft.spec.host.DataplaneCounters;
import io.weft.spec.host.Generation;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.PortStatus;
import io.weft.spec.host.ResyncRequest;
import io.weft.spec.host.UpdateKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's core: holds the desired state, decides what each update means, keeps the dataplane
 * converged on it and tells the server where it stands. No threads and no clock of its own; the
 * runtime calls {@link #onUpdate}, {@link #reconcile} and {@link #heartbeat} (one at a time, the
 * methods are synchronized), so tests drive it step by step.
 *
 * <p>Fail-static: the dataplane is never flushed. On start the persisted state is reconciled by
 * changing only what differs; an agent that never received a state touches nothing until a FULL
 * arrives, because an empty desired state would otherwise remove everything that is still working.
 */
public final class HostAgent {
    private static final Logger LOG = LoggerFactory.getLogger(HostAgent.class);

    private final String hostId;
    private final Dataplane dataplane;
    private final StateStore store;
    private final AgentOutbox outbox;
    private final AgentMetrics metrics;

    private AgentState state = AgentState.initial();
    private String lastError;
    private Set<String> pendingNics = Set.of();
    private Set<String> wiredNics = new TreeSet<>();
    private Generation fullRequestedAt;
    private DataplaneCounters counters = DataplaneCounters.empty();
    private long driftRepairs;
    private boolean reconciledSinceAccept;

    public HostAgent(String hostId, Dataplane dataplane, StateStore store, AgentOutbox outbox, MeterRegistry registry) {
        this.hostId = requireNonNull(hostId, "hostId is null");
        this.dataplane = requireNonNull(dataplane, "dataplane is null");
        this.store = requireNonNull(store, "store is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.metrics = new AgentMetrics(requireNonNull(registry, "registry is null"));
    }

    /** Loads the persisted state, reconciles to it without flushing, and asks for FULL. */
    public synchronized void start() {
        store.load().ifPresent(loaded -> state = loaded);
        if (!state.isInitial()) {
            converge(false);
        }
        requestFull("agent started", true);
    }

    /** The transport (re)connected: messages may have been missed, so ask for FULL. */
    public synchronized void onConnected() {
        requestFull("agent connected", true);
    }

    public synchronized void onUpdate(HostUpdate update) {
        if (!update.hostId().equals(hostId)) {
            LOG.warn("ignoring an update for host {} on host {}", update.hostId(), hostId);
            return;
        }
        UpdateDecision decision = UpdateDecider.decide(state, update);
        if (decision instanceof UpdateDecision.Accept accept) {
            HostDesiredState previous = state.desired();
            Generation previousGeneration = state.applied();
            boolean heldPrevious = inSync();
            store.save(accept.next());
            state = accept.next();
            fullRequestedAt = null;
            reconciledSinceAccept = false;
            metrics.updatesApplied.increment();
            if (update.kind() == UpdateKind.FULL || update.generation().epoch() != previousGeneration.epoch()) {
                // A FULL, or any update of a new epoch, follows a server restart or take-over, which
                // forgets which ports are wired: report every wired port again.
                wiredNics = new TreeSet<>();
            }
            if (!(heldPrevious && update.kind() == UpdateKind.DELTA && applyMemberChanges(previous))) {
                converge(false);
            }
            ack();
        } else if (decision instanceof UpdateDecision.AckAgain) {
            ack();
        } else if (decision instanceof UpdateDecision.RequestFull request) {
            LOG.info("host {}: {}", hostId, request.reason());
            requestFull(request.reason(), false);
        } else if (decision instanceof UpdateDecision.Reject reject) {
            LOG.warn("host {}: rejected update: {}", hostId, reject.error());
            outbox.send(new HostAck(
                    HostMessage.SCHEMA_VERSION,
                    hostId,
                    state.applied(),
                    state.hash(),
                    AckStatus.FAILED,
                    reject.error()));
        }
    }

    /** The periodic resync: read back, repair drift, retry what failed, plug NICs whose tap appeared. */
    public synchronized void reconcile() {
        // Once per period a lost resync request is sent again.
        fullRequestedAt = null;
        if (!state.isInitial()) {
            converge(true);
        }
    }

    public synchronized void heartbeat() {
        outbox.send(new Heartbeat(
                HostMessage.SCHEMA_VERSION, hostId, state.applied(), state.hash(), inSync(), withRepairs(counters)));
    }

    public synchronized AgentState state() {
        return state;
    }

    public synchronized boolean inSync() {
        return !state.isInitial() && lastError == null && pendingNics.isEmpty() && reconciledSinceAccept;
    }

    public synchronized long driftRepairs() {
        return driftRepairs;
    }

    public synchronized Set<String> pendingNics() {
        return pendingNics;
    }

    public synchronized Set<String> wiredNics() {
        return Set.copyOf(wiredNics);
    }

    public synchronized DataplaneCounters counters() {
        return withRepairs(counters);
    }

    private void converge(boolean periodic) {
        try {
            Convergence.Outcome outcome =
                    metrics.convergence.recordCallable(() -> Convergence.converge(dataplane, state.desired()));
            requireNonNull(outcome, "outcome is null");
            if (periodic) {
                countRepairs(outcome);
            }
            Set<String> pending = outcome.result().pendingNics();
            HostDesiredState after = outcome.after();
            pendingNics = pending;
            lastError = null;
            reconciledSinceAccept = true;
            counters = countersOf(after, outcome, pending);
            reportPorts(after, pending);
        } catch (DataplaneException e) {
            lastError = e.getMessage();
            metrics.applyFailures.increment();
            LOG.warn("host {}: dataplane programming failed: {}", hostId, e.getMessage());
        } catch (Exception e) {
            // Anything else is a bug; keep the agent alive and report it like a dataplane failure.
            lastError = e.toString();
            metrics.applyFailures.increment();
            LOG.error("host {}: convergence failed", hostId, e);
        }
    }

    /**
     * A DELTA that only adds or removes set members (a VM joining or leaving a group on another
     * host: the most frequent change there is) is written straight into the sets, one {@code ipset}
     * call, instead of reading back and diffing the whole host, which costs seconds on a large one.
     * Only when the last pass left the dataplane holding {@code previous}; drift since then is
     * found by the periodic resync as before. A failing write falls back to a full pass.
     */
    private boolean applyMemberChanges(HostDesiredState previous) {
        List<Operation> operations = StateDiff.diff(previous, state.desired());
        if (operations.isEmpty() || !operations.stream().allMatch(Dataplane::isMemberChange)) {
            return false;
        }
        try {
            dataplane.applyMembers(operations);
        } catch (DataplaneException e) {
            LOG.info("host {}: set member change needs a full pass: {}", hostId, e.getMessage());
            return false;
        }
        reconciledSinceAccept = true;
        counters = withSetSizes(counters, state.desired());
        metrics.memberDeltas.increment();
        return true;
    }

    private static DataplaneCounters withSetSizes(DataplaneCounters base, HostDesiredState desired) {
        Map<String, Integer> setSizes = new TreeMap<>();
        for (IpSetEntry set : desired.ipSets()) {
            setSizes.put(set.name(), desired.members(set.name()).size());
        }
        return new DataplaneCounters(
                base.ports(), base.flows(), base.rules(), setSizes, base.portCounters(), base.driftRepairs());
    }

    /** What a periodic pass had to change, except NICs already known to be waiting for their tap. */
    private void countRepairs(Convergence.Outcome outcome) {
        long repairs = 0;
        for (Operation operation : outcome.operations()) {
            if (operation instanceof Operation.Upsert upsert
                    && upsert.entry() instanceof NicPortEntry port
                    && pendingNics.contains(port.nicId())) {
                continue;
            }
            repairs++;
        }
        if (repairs > 0) {
            LOG.info("host {}: repaired {} drifted entries", hostId, repairs);
            driftRepairs += repairs;
            metrics.driftRepairs.increment(repairs);
        }
    }

    private DataplaneCounters countersOf(HostDesiredState after, Convergence.Outcome outcome, Set<String> pending) {
        int ports = 0;
        int flows = 0;
        int rules = 0;
        Map<String, Integer> setSizes = new TreeMap<>();
        for (DesiredEntry entry : after.entries().values()) {
            if (entry instanceof NicPortEntry port && !pending.contains(port.nicId())) {
                ports++;
            } else if (entry instanceof FlowEntry) {
                flows++;
            } else if (entry instanceof ChainEntry chain) {
                rules += chain.rules().size();
            } else if (entry instanceof IpSetEntry set) {
                setSizes.put(set.name(), after.members(set.name()).size());
            }
        }
        return new DataplaneCounters(
                ports, flows, rules, setSizes, outcome.before().portCounters(), 0);
    }

    private DataplaneCounters withRepairs(DataplaneCounters base) {
        return new DataplaneCounters(
                base.ports(), base.flows(), base.rules(), base.setSizes(), base.portCounters(), driftRepairs);
    }

    private void reportPorts(HostDesiredState after, Set<String> pending) {
        Set<String> wired = new TreeSet<>();
        for (NicPortEntry port : after.nicPorts()) {
            if (!pending.contains(port.nicId())) {
                wired.add(port.nicId());
            }
        }
        Set<String> gone = new HashSet<>(wiredNics);
        gone.removeAll(wired);
        for (String nic : new TreeSet<>(gone)) {
            outbox.send(
                    new PortStatus(HostMessage.SCHEMA_VERSION, hostId, nic, PortStatus.State.UNWIRED, state.applied()));
        }
        for (String nic : wired) {
            if (!wiredNics.contains(nic)) {
                outbox.send(new PortStatus(
                        HostMessage.SCHEMA_VERSION, hostId, nic, PortStatus.State.WIRED, state.applied()));
            }
        }
        wiredNics = wired;
    }

    private void ack() {
        AckStatus status = lastError == null ? AckStatus.APPLIED : AckStatus.FAILED;
        outbox.send(new HostAck(HostMessage.SCHEMA_VERSION, hostId, state.applied(), state.hash(), status, lastError));
    }

    private void requestFull(String reason, boolean always) {
        if (!always && state.applied().equals(fullRequestedAt)) {
            return;
        }
        fullRequestedAt = state.applied();
        metrics.resyncRequests.increment();
        outbox.send(new ResyncRequest(HostMessage.SCHEMA_VERSION, hostId, state.applied(), reason, state.hash()));
    }
}
