package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.HostMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the {@link Dispatcher} on one thread: a tick every poll interval, agents' messages from the
 * broker's thread, and every question from the API threads are all submitted to it, so the
 * dispatcher's state is only ever touched by that thread. Started once the broker runs (its inbox
 * is opened here), stopped before the broker stops.
 */
public final class DispatcherRuntime implements ConvergenceQueries, AutoCloseable {
    private final Dispatcher dispatcher;
    private final HostConnections connections;
    private final Duration pollInterval;
    private final ScheduledExecutorService loop;

    public DispatcherRuntime(Dispatcher dispatcher, HostConnections connections, Duration pollInterval) {
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "weft-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the broker connections (agents' messages start arriving) and starts polling the outbox. */
    public void start() throws Exception {
        connections.start(this::onMessage);
        long period = Math.max(1, pollInterval.toMillis());
        loop.scheduleWithFixedDelay(dispatcher::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Handles a message from an agent (called on the broker's thread). */
    public void onMessage(HostMessage message) {
        loop.execute(() -> dispatcher.handle(message));
    }

    @Override
    public boolean dispatching() {
        return true;
    }

    @Override
    public void nudge() {
        loop.execute(dispatcher::tick);
    }

    @Override
    public boolean isLeader() {
        return call(dispatcher::isLeader);
    }

    @Override
    public List<HostConvergence> hosts() {
        return call(dispatcher::hosts);
    }

    @Override
    public Optional<HostConvergence> host(String hostId) {
        return call(() -> dispatcher.host(hostId));
    }

    @Override
    public ChangeStatus change(long changeId) {
        return call(() -> dispatcher.change(changeId));
    }

    @Override
    public GroupConvergence group(String groupId) {
        return call(() -> dispatcher.group(groupId));
    }

    @Override
    public ChangeStatus awaitApplied(long changeId, Duration timeout) {
        CompletableFuture<ChangeStatus> done = new CompletableFuture<>();
        loop.execute(() -> dispatcher.completeWhenApplied(changeId, done));
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

    /** Stops the loop first, so nothing is sent on connections being closed, then the connections. */
    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close();
    }

    private <T> T call(Callable<T> work) {
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
