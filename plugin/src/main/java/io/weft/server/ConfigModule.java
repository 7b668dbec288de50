package io.weft.server;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.ec2.Ec2Config;
import io.weft.server.broker.BrokerConfig;
import io.weft.server.config.DataDirectory;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.ShutdownConfig;

/**
 * Makes the configuration and each of its sections injectable. The database and bootstrap
 * sections belong to the persistence and tenancy features, whose modules are given them directly.
 */
public final class ConfigModule extends AbstractModule {
    private final WeftConfig config;

    public ConfigModule(WeftConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(WeftConfig.class).toInstance(config);
        bind(DataDirectory.class).toInstance(new DataDirectory(config.dataDir()));
        bind(HttpConfig.class).toInstance(config.http());
        bind(Ec2Config.class).toInstance(config.ec2());
        bind(BrokerConfig.class).toInstance(config.broker());
        bind(ApiConfig.class).toInstance(config.api());
        bind(ShutdownConfig.class).toInstance(config.shutdown());
    }
}
