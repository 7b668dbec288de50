package io.weft.server.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.weft.server.http.HttpResponses;
import jakarta.inject.Inject;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code /metrics}: every meter in the Prometheus text format. */
public final class MetricsHandler extends Handler.Abstract {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    @Inject
    public MetricsHandler(PrometheusMeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpResponses.send(response, 200, CONTENT_TYPE, registry.scrape(), callback);
        return true;
    }
}
