package io.weft.server.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.weft.server.http.HttpRoute;
import jakarta.inject.Singleton;

/**
 * One Prometheus meter registry for the whole server, with the JVM's meters, served at {@code
 * /metrics}. Features inject {@link MeterRegistry} and register their own meters.
 */
public final class MetricsModule extends AbstractModule {
    public static final String METRICS_PATH = "/metrics";

    @Override
    protected void configure() {
        bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
        bind(MetricsHandler.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // Registers a JMX listener that lives as long as the JVM; one registry per server, so once.
        new JvmGcMetrics().bindTo(registry);
        return registry;
    }

    @ProvidesIntoSet
    HttpRoute metricsRoute(MetricsHandler handler) {
        return new HttpRoute(METRICS_PATH, "metrics", handler);
    }
}
