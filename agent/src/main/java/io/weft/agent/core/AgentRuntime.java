package io.weft.agent.core;

import static java.util.Objects.requireNonNull;

import io.weft.agent.transport.AgentTransport;
import io.weft.spec.host.HostUpdate;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link HostAgent}: the transport's updates, the periodic resync, the heartbeat, and a
 * prompt reconcile when a device appears or goes ({@link #devicesChanged}). Stopping it leaves the
 * dataplane exactly as it is (fail-static).
 */
public final class AgentRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    /** Coalesces a burst of link events (a plug creates several devices) into one reconcile. */
    private static final Duration DEVICE_SETTLE = Duration.ofMillis(200);

    private final HostAgent agent;
    private final AgentTransport transport;
    private final Duration resyncPeriod;
    private final Duration heartbeatPeriod;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "weft-agent-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();

    public AgentRuntime(HostAgent agent, AgentTransport transport, Duration resyncPeriod, Duration heartbeatPeriod) {
        this.agent = requireNonNull(agent, "agent is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.resyncPeriod = requireNonNull(resyncPeriod, "resyncPeriod is null");
        this.heartbeatPeriod = requireNonNull(heartbeatPeriod, "heartbeatPeriod is null");
    }

    public HostAgent agent() {
        return agent;
    }

    public void start() {
        agent.start();
        transport.start(new AgentTransport.Listener() {
            @Override
            public void onUpdate(HostUpdate update) {
                agent.onUpdate(update);
            }

            @Override
            public void onConnected() {
                agent.onConnected();
            }
        });
        scheduler.scheduleWithFixedDelay(
                guarded("reconcile", agent::reconcile),
                resyncPeriod.toMillis(),
                resyncPeriod.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                guarded("heartbeat", agent::heartbeat),
                heartbeatPeriod.toMillis(),
                heartbeatPeriod.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A network device appeared or went: reconcile soon, so a new tap is plugged promptly. */
    public void devicesChanged() {
        if (reconcileQueued.compareAndSet(false, true)) {
            scheduler.schedule(
                    guarded("device reconcile", () -> {
                        reconcileQueued.set(false);
                        agent.reconcile();
                    }),
                    DEVICE_SETTLE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again; log and keep the schedule.
                LOG.error("{} failed", what, e);
            }
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }
}
