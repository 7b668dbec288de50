package io.weft.agent.process;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a process on its own thread. Both stdout and stderr must be drained
 * concurrently, or a process that fills one pipe blocks forever while we wait for it.
 */
final class StreamCollector implements Runnable {

    private final InputStream stream;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();

    StreamCollector(InputStream stream) {
        this.stream = requireNonNull(stream, "stream is null");
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                synchronized (collected) {
                    collected.write(buffer, 0, read);
                }
            }
        } catch (IOException closedUnderUs) {
            // The process was destroyed or the stream closed: keep what arrived so far.
        }
    }

    String text() {
        synchronized (collected) {
            return collected.toString(StandardCharsets.UTF_8);
        }
    }
}
