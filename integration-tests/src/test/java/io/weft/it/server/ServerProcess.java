package io.weft.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The management server as a separate JVM, started like {@code ./weft server} with this test's
 * classpath, on free ports, with its output collected.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path outputFile;
    private final int httpPort;

    private ServerProcess(Process process, Path outputFile, int httpPort) {
        this.process = process;
        this.outputFile = outputFile;
        this.httpPort = httpPort;
    }

    static ServerProcess start(Path dataDir) throws IOException {
        Path outputFile = Files.createTempFile("weft-server", ".log");
        int httpPort = freePort();
        int brokerPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        // as `./weft up` starts it (see the launcher): start-up time is what is measured
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.weft.server.Main",
                        "--data-dir",
                        dataDir.toString())
                .redirectErrorStream(true)
                // A file and not a pipe: destroy() closes the pipe, and the shutdown log would be lost.
                .redirectOutput(outputFile.toFile());
        builder.environment().put("WEFT_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("WEFT_BROKER_PORT", Integer.toString(brokerPort));
        builder.environment().put("WEFT_SHUTDOWN_GRACE_PERIOD", "10s");
        return new ServerProcess(builder.start(), outputFile, httpPort);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Polls {@code /health} until it answers 200; fails after {@code timeout}. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server not healthy within " + timeout + ":\n" + output());
    }

    /** Waits until the output contains {@code text}. */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the output within " + timeout + ":\n" + output());
    }

    String output() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then waits for the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within 60 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(outputFile);
    }

    static Properties adminCredentials(Path dataDir) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("admin.credentials"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
