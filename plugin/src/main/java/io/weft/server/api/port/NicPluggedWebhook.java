package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@code nic-plugged} events to the compute side: a signed POST, retried with {@link
 * Backoff} until the receiver answers 2xx. Sending is asynchronous on its own thread, so a slow or
 * absent receiver never holds up the dispatcher.
 *
 * <p>Undelivered events live in memory only; a server restart loses them. That is acceptable
 * because the event is a shortcut: the compute side can always poll {@code GET /ports/{id}}.
 */
public final class NicPluggedWebhook implements NicPluggedSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NicPluggedWebhook.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final String secret;
    private final Backoff backoff;
    private final HttpClient client;
    private final ScheduledExecutorService retries;
    private final AtomicInteger pending = new AtomicInteger();

    public NicPluggedWebhook(URI url, String secret, Backoff backoff) {
        this.url = requireNonNull(url, "url is null");
        this.secret = requireNonNull(secret, "secret is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "weft-compute-webhook");
            // Pending retries must not keep a stopping JVM alive; they are lost with it anyway.
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void accept(NicPlugged event) {
        byte[] body = body(event);
        pending.incrementAndGet();
        schedule(new Delivery(event, body, WebhookSignature.of(secret, body)), 1, Duration.ZERO);
    }

    /** Events not yet acknowledged by the receiver. */
    public int pending() {
        return pending.get();
    }

    /** The exact bytes that are signed and sent; fields in the order the description lists them. */
    static byte[] body(NicPlugged event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", NicPlugged.EVENT);
        json.put("portId", event.portId());
        json.put("hostId", event.hostId());
        json.put("occurredAt", event.occurredAt().toString());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a nic-plugged event", e);
        }
    }

    private record Delivery(NicPlugged event, byte[] body, String signature) {}

    private void schedule(Delivery delivery, int attempt, Duration delay) {
        try {
            retries.schedule(() -> send(delivery, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.warn(
                    "webhook stopped; nic-plugged for port {} is not delivered",
                    delivery.event().portId());
        }
    }

    private void send(Delivery delivery, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, delivery.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                pending.decrementAndGet();
                LOG.debug(
                        "delivered nic-plugged for port {} after {} attempts",
                        delivery.event().portId(),
                        attempt);
                return;
            }
            Duration wait = backoff.after(attempt);
            LOG.warn(
                    "nic-plugged for port {} to {} failed (attempt {}: {}); retrying in {}",
                    delivery.event().portId(),
                    url,
                    attempt,
                    failure == null ? "HTTP " + response.statusCode() : failure.toString(),
                    wait);
            schedule(delivery, attempt + 1, wait);
        });
    }

    /** Stops retrying; events not yet delivered are dropped (see the class comment). */
    @Override
    public void close() {
        retries.shutdownNow();
    }
}
