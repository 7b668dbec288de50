package io.weft.server;

import io.weft.server.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the management server in the foreground until SIGTERM or SIGINT, on which it stops
 * gracefully (see {@link WeftServer#close()}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        ServerArguments arguments;
        WeftConfig config;
        try {
            arguments = ServerArguments.parse(args);
            if (arguments.help()) {
                System.out.print(ServerArguments.USAGE);
                return;
            }
            config = WeftConfigLoader.load(arguments.configFile(), System.getenv(), arguments.settings());
        } catch (ConfigException e) {
            System.err.println("weft: " + e.getMessage());
            System.err.print(ServerArguments.USAGE);
            System.exit(2);
            return;
        }

        AtomicReference<WeftServer> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before start-up, so a signal during start-up still stops what has started.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            WeftServer server = running.get();
                            if (server != null) {
                                server.close();
                            }
                            stopped.countDown();
                        },
                        "weft-shutdown"));

        WeftServer server;
        try {
            server = WeftServer.start(config);
        } catch (RuntimeException e) {
            System.err.println("weft: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        running.set(server);
        System.out.println(server.banner());
        System.out.flush();
        awaitQuietly(stopped);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
