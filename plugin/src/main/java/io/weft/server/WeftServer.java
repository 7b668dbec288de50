package io.weft.server;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import io.weft.server.api.ec2.Ec2HttpServer;
import io.weft.server.broker.MessageBroker;
import io.weft.server.dispatch.DispatcherRuntime;
import io.weft.server.http.HttpModule;
import io.weft.server.http.WeftHttpServer;
import io.weft.server.jobs.AsyncJobs;
import io.weft.server.metrics.MetricsModule;
import io.weft.server.persistence.Database;
import io.weft.server.tenancy.TenancyBootstrap;
import io.weft.server.topology.HostService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running management server: one injector, the database, the broker, the tenancy bootstrap
 * (admin user and {@code admin.credentials}) and the HTTP server, started in that order and stopped in reverse. {@link Main} runs one; tests start
 * as many as they like in one JVM:
 *
 * <pre>{@code
 * WeftConfig config = WeftConfig.of(Map.of("dataDir", tmp.toString(), "http.port", "0", "broker.port", "0"));
 * try (WeftServer server = WeftServer.builder(config).start()) {
 *     URI api = server.cloudStackUri();
 * }
 * }</pre>
 */
public final class WeftServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WeftServer.class);

    private final WeftConfig config;
    private final Injector injector;
    private final List<Step> started = new ArrayList<>();
    private boolean closed;

    private WeftServer(WeftConfig config, Injector injector) {
        this.config = config;
        this.injector = injector;
    }

    public static Builder builder(WeftConfig config) {
        return new Builder(config);
    }

    /** Starts a server with the modules {@link ServerModules} picks for {@code config}. */
    public static WeftServer start(WeftConfig config) {
        return builder(config).start();
    }

    /** Adds modules to, or overrides bindings of, the server's own before it starts. */
    public static final class Builder {
        private final WeftConfig config;
        private final List<Module> additions = new ArrayList<>();
        private final List<Module> overrides = new ArrayList<>();

        private Builder(WeftConfig config) {
            this.config = requireNonNull(config, "config is null");
        }

        /** Adds bindings, e.g. more CloudStack commands or health checks. */
        public Builder addModule(Module module) {
            additions.add(requireNonNull(module, "module is null"));
            return this;
        }

        /** Replaces bindings, e.g. a fake {@code ApiKeyDirectory}. */
        public Builder overrideWith(Module module) {
            overrides.add(requireNonNull(module, "module is null"));
            return this;
        }

        public WeftServer start() {
            List<Module> modules = new ArrayList<>(ServerModules.forConfig(config));
            modules.addAll(additions);
            Module all = Modules.override(modules).with(overrides);
            WeftServer server = new WeftServer(config, Guice.createInjector(Stage.PRODUCTION, all));
            try {
                server.startAll();
            } catch (Exception e) {
                server.close();
                throw new IllegalStateException("Weft server failed to start: " + e.getMessage(), e);
            }
            return server;
        }
    }

    private void startAll() throws Exception {
        // The broker's journal and the database open in parallel: they share nothing, and each
        // takes seconds on a small machine.
        MessageBroker broker = injector.getInstance(MessageBroker.class);
        CompletableFuture<Void> brokerStarted = CompletableFuture.runAsync(() -> {
            try {
                broker.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try {
            Database database = injector.getInstance(Database.class);
            started.add(new Step("database", database::close));
            // The admin user and admin.credentials exist before the API accepts its first request.
            injector.getInstance(TenancyBootstrap.class).run();
        } finally {
            try {
                brokerStarted.join();
                started.add(new Step("broker", broker::stop));
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        injector.getInstance(HostService.class).grantAllAgents();
        stopJobsBeforeTheDatabase();
        DispatcherRuntime dispatcher = injector.getInstance(DispatcherRuntime.class);
        dispatcher.start();
        started.add(new Step("dispatcher", dispatcher::close));
        WeftHttpServer http = injector.getInstance(WeftHttpServer.class);
        http.start();
        started.add(new Step("http", http::stop));
        startEc2Api();
        log.info("Weft server started: API {}, broker {}", cloudStackUri(), broker.clientUrl());
    }

    public Injector injector() {
        return injector;
    }

    public WeftConfig config() {
        return config;
    }

    /** {@code http://host:port} of the HTTP listener, with the bound port. */
    public URI baseUri() {
        return injector.getInstance(WeftHttpServer.class).baseUri();
    }

    /** Async jobs run on threads of their own, which would outlive the server if nobody stopped them. */
    private void stopJobsBeforeTheDatabase() {
        Binding<AsyncJobs> binding = injector.getExistingBinding(Key.get(AsyncJobs.class));
        if (binding != null) {
            started.add(new Step("async jobs", binding.getProvider().get()::close));
        }
    }

    /** The EC2 Query API listens on its own port, when its module is installed. */
    private void startEc2Api() throws Exception {
        Binding<Ec2HttpServer> binding = injector.getExistingBinding(Key.get(Ec2HttpServer.class));
        if (binding != null) {
            Ec2HttpServer ec2 = binding.getProvider().get();
            ec2.start();
            started.add(new Step("ec2", ec2::stop));
        }
    }

    /** {@code http://host:port} of the EC2 Query API, when its module is installed. */
    public Optional<URI> ec2Uri() {
        return Optional.ofNullable(injector.getExistingBinding(Key.get(Ec2HttpServer.class)))
                .map(binding -> binding.getProvider().get().endpoint());
    }

    public URI cloudStackUri() {
        return baseUri().resolve(config.http().cloudStackPath());
    }

    public URI healthUri() {
        return baseUri().resolve(HttpModule.HEALTH_PATH);
    }

    public URI metricsUri() {
        return baseUri().resolve(MetricsModule.METRICS_PATH);
    }

    public String brokerUrl() {
        return injector.getInstance(MessageBroker.class).clientUrl();
    }

    public Path adminCredentialsFile() {
        return config.bootstrap().credentialsFile().toAbsolutePath();
    }

    /** What {@link Main} prints once the server is up: where everything is. */
    public String banner() {
        Path credentials = adminCredentialsFile();
        String credentialsLine = config.bootstrap().adminApiKey().isPresent()
                ? "configured (bootstrap.adminApiKey)"
                : credentials
                        + (Files.exists(credentials) ? "" : " (missing: the admin's keys are unchanged, see the log)");
        return String.join(
                System.lineSeparator(),
                "Weft management server is running",
                "  CloudStack API:    " + cloudStackUri(),
                "  EC2 API:           " + ec2Uri().map(URI::toString).orElse("not installed"),
                "  Health:            " + healthUri(),
                "  Metrics:           " + metricsUri(),
                "  Broker:            "
                        + injector.getInstance(MessageBroker.class).describe(),
                "  Data directory:    " + config.dataDir(),
                "  Admin credentials: " + credentialsLine);
    }

    /**
     * Stops in reverse start order: the HTTP server stops accepting and lets requests in flight
     * finish (up to {@code shutdown.gracePeriod}), then the broker stops, then the database
     * closes. Safe to call twice and from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            Step step = started.get(i);
            try {
                step.stop().run();
                log.info("stopped {}", step.name());
            } catch (Exception e) {
                log.warn("stopping {} failed", step.name(), e);
            }
        }
        started.clear();
    }

    private record Step(String name, Stopper stop) {}

    @FunctionalInterface
    private interface Stopper {
        void run() throws Exception;
    }
}
