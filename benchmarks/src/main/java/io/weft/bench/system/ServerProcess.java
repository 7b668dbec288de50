package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import io.weft.server.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The management server in a JVM of its own ({@link Main}, as {@code ./weft up} runs it), on this
 * JVM's class path: a cold start begins with an empty JVM, and the server's heap and CPU are then
 * its own. Settings are passed as the {@code WEFT_*} environment variables the server reads; the
 * HTTP and broker ports are picked free here, so the caller knows where to reach it. Output goes to a
 * log file. Closing sends SIGTERM (a graceful stop) and, if that does not end it, kills it.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final long startedNanos;
    private final URI baseUri;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, long startedNanos, URI baseUri) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.baseUri = baseUri;
    }

    /**
     * Starts {@code java [jvmOptions] io.weft.server.Main} with {@code settings} (dotted keys, as in
     * {@code docs/configuration.md}), the HTTP and broker ports overridden with free ones.
     */
    public static ServerProcess start(Map<String, String> settings, List<String> jvmOptions, Path log) {
        int httpPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        settings.forEach((key, value) -> environment.put(environmentName(key), value));
        environment.put(environmentName("http.port"), Integer.toString(httpPort));
        environment.put(environmentName("broker.port"), Integer.toString(freePort()));
        environment.put(environmentName("ec2.port"), "0");
        try {
            long started = System.nanoTime();
            return new ServerProcess(builder.start(), started, URI.create("http://127.0.0.1:" + httpPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** {@code http.port} → {@code WEFT_HTTP_PORT}, {@code dispatch.ackTimeout} → {@code WEFT_DISPATCH_ACK_TIMEOUT}. */
    static String environmentName(String key) {
        return "WEFT_"
                + key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    public long pid() {
        return process.pid();
    }

    public URI baseUri() {
        return baseUri;
    }

    public URI cloudStackUri() {
        return baseUri.resolve("/client/api");
    }

    /** Seconds since the JVM was started. */
    public double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The JVM's CPU time so far, user and system, all threads. */
    public double cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(cpu -> cpu.toNanos() / 1e9)
                .orElse(Double.NaN);
    }

    /** GET {@code path}: the body when the server answered 200, empty otherwise or when it is not listening yet. */
    public Optional<String> get(String path, Optional<String> authorization) {
        requireAlive();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(60));
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code jcmd <pid> <command...>} and returns what it printed. */
    public String jcmd(String... command) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        argv.add(Long.toString(pid()));
        argv.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
                throw new IllegalStateException(argv + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the server process ended with status " + process.exitValue());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ServerProcess[pid=" + pid() + ", " + requireNonNull(baseUri) + "]";
    }
}
