package io.weft.it.orchestration;

import io.weft.server.dispatch.HostChannel;
import io.weft.server.dispatch.HostChannelDecorator;
import io.weft.spec.host.HostUpdate;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Between the dispatcher and the broker: drops, duplicates and delays (so reorders) updates while
 * chaos is on. Counts what it did, so the test can show the faults really happened.
 */
final class ChaosChannel implements HostChannelDecorator, AutoCloseable {
    final AtomicBoolean on = new AtomicBoolean(true);
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong delayed = new AtomicLong();
    private final SplittableRandom random;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chaos-delay");
        thread.setDaemon(true);
        return thread;
    });

    ChaosChannel(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public HostChannel apply(HostChannel channel) {
        return update -> {
            if (!on.get()) {
                sendAlone(channel, update);
                return;
            }
            double dice;
            synchronized (random) {
                dice = random.nextDouble();
            }
            if (dice < 0.05) {
                dropped.incrementAndGet();
            } else if (dice < 0.10) {
                duplicated.incrementAndGet();
                sendAlone(channel, update);
                sendAlone(channel, update);
            } else if (dice < 0.20) {
                delayed.incrementAndGet();
                later.schedule(() -> sendQuietly(channel, update), 50 + (long) (dice * 1000), TimeUnit.MILLISECONDS);
            } else {
                sendAlone(channel, update);
            }
        };
    }

    /**
     * The dispatcher sends from one thread and its channel is not made for more; the late sends
     * from this decorator's timer take turns with it instead of sharing its JMS session.
     */
    private static void sendAlone(HostChannel channel, HostUpdate update) throws Exception {
        synchronized (channel) {
            channel.send(update);
        }
    }

    private static void sendQuietly(HostChannel channel, HostUpdate update) {
        try {
            sendAlone(channel, update);
        } catch (Exception e) {
            // a delayed message that finds the broker gone is just one more lost message
        }
    }

    /** Stops the timer of delayed updates; those not yet sent are lost, as on a link that goes down. */
    @Override
    public void close() {
        later.shutdownNow();
    }
}
