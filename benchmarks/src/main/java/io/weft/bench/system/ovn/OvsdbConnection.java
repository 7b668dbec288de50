package io.weft.bench.system.ovn;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An OVSDB JSON-RPC client (RFC 7047) on a unix socket, only as much as the benchmark needs: {@code
 * transact}, and a monitor of {@code NB_Global}'s {@code *_cfg} columns that records when each new
 * value arrived. That is what {@code ovn-nbctl --wait=sb|hv} waits on, without a process start and
 * a full database read in the measured time. {@code ovsdb-client transact} cannot carry the import
 * either: it takes the transaction as one argument, and Linux caps an argument at 128 KiB.
 *
 * <p>A reader thread stamps every message as it arrives, so a wait's end is the moment the server
 * said so, not the moment this thread looked.
 */
final class OvsdbConnection implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record Message(JsonNode json, long receivedNanos) {}

    /** A {@code NB_Global} column's value and when the server reported it. */
    record CfgValue(long value, long receivedNanos) {}

    private final SocketChannel channel;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final Map<String, CfgValue> cfg = new HashMap<>();
    private final Thread reader;
    private long nextId = 1;
    private volatile IOException readFailure;

    private OvsdbConnection(SocketChannel channel) {
        this.channel = channel;
        this.reader = new Thread(this::read, "ovsdb-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static OvsdbConnection open(Path socket) {
        requireNonNull(socket, "socket is null");
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new OvsdbConnection(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + socket, e);
        }
    }

    /** Runs one transaction; returns its per-operation results, failing if any operation failed. */
    ArrayNode transact(String database, ArrayNode operations, Duration timeout) {
        ArrayNode params = JSON.arrayNode().add(database);
        params.addAll(operations);
        JsonNode result = call("transact", params, timeout);
        for (JsonNode operationResult : result) {
            if (operationResult.has("error")) {
                throw new IllegalStateException("OVSDB transaction failed: " + abbreviate(result.toString()));
            }
        }
        if (result.size() > operations.size()) { // a commit failure is reported after the operations
            throw new IllegalStateException("OVSDB commit failed: " + abbreviate(result.toString()));
        }
        return (ArrayNode) result;
    }

    /** Starts following {@code NB_Global}'s nb_cfg, sb_cfg and hv_cfg. */
    void monitorNorthboundCfg(Duration timeout) {
        ObjectNode columns = JSON.objectNode();
        columns.set(
                "NB_Global",
                JSON.objectNode()
                        .set(
                                "columns",
                                JSON.arrayNode().add("nb_cfg").add("sb_cfg").add("hv_cfg")));
        JsonNode initial = call(
                "monitor",
                JSON.arrayNode().add(NorthboundTransaction.DATABASE).add("cfg").add(columns),
                timeout);
        recordCfg(initial, System.nanoTime());
    }

    /**
     * Waits until {@code column} reaches {@code atLeast}; returns when the server reported it, in
     * {@link System#nanoTime()} terms.
     */
    long awaitCfg(String column, long atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CfgValue current = cfg.get(column);
            if (current != null && current.value() >= atLeast) {
                return current.receivedNanos();
            }
            dispatch(next(deadline, column + " >= " + atLeast));
        }
    }

    private JsonNode call(String method, ArrayNode params, Duration timeout) {
        long id = nextId++;
        ObjectNode request = JSON.objectNode().put("method", method).put("id", id);
        request.set("params", params);
        send(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message message = next(deadline, method);
            JsonNode json = message.json();
            if (json.has("result") && json.path("id").asLong(-1) == id) {
                if (!json.path("error").isNull() && !json.path("error").isMissingNode()) {
                    throw new IllegalStateException(method + " failed: " + json.get("error"));
                }
                return json.get("result");
            }
            dispatch(message);
        }
    }

    private void dispatch(Message message) {
        JsonNode json = message.json();
        String method = json.path("method").asText("");
        if ("update".equals(method)) {
            recordCfg(json.path("params").path(1), message.receivedNanos());
        } else if ("echo".equals(method)) {
            ObjectNode reply = JSON.objectNode();
            reply.set("result", json.get("params"));
            reply.set("error", null);
            reply.set("id", json.get("id"));
            send(reply);
        }
    }

    private void recordCfg(JsonNode tableUpdates, long receivedNanos) {
        tableUpdates
                .path("NB_Global")
                .forEach(rowUpdate -> rowUpdate.path("new").fields().forEachRemaining(column -> {
                    CfgValue previous = cfg.get(column.getKey());
                    if (previous == null
                            || previous.value() != column.getValue().asLong()) {
                        cfg.put(column.getKey(), new CfgValue(column.getValue().asLong(), receivedNanos));
                    }
                }));
    }

    private Message next(long deadlineNanos, String awaited) {
        try {
            Message message = inbox.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                IOException failure = readFailure;
                throw new IllegalStateException("no answer from OVSDB while waiting for " + awaited
                        + (failure == null ? "" : " (connection failed: " + failure.getMessage() + ")"));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized void send(JsonNode message) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(MAPPER.writeValueAsBytes(message));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to OVSDB", e);
        }
    }

    private void read() {
        try (MappingIterator<JsonNode> messages =
                MAPPER.readerFor(JsonNode.class).readValues(Channels.newInputStream(channel))) {
            while (messages.hasNextValue()) {
                JsonNode message = messages.nextValue();
                inbox.add(new Message(message, System.nanoTime()));
            }
        } catch (IOException e) {
            readFailure = e;
        } catch (RuntimeException e) {
            readFailure = new IOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...";
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket we are done with; nothing to recover.
        }
    }
}
