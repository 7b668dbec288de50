package io.weft.server;

import com.google.inject.Module;
import io.weft.server.api.cloudstack.CloudStackApiModule;
import io.weft.server.api.cloudstack.CloudStackJobsModule;
import io.weft.server.api.cloudstack.commands.CloudStackCatalogueCommandsModule;
import io.weft.server.api.cloudstack.commands.CloudStackCommandsModule;
import io.weft.server.api.cloudstack.commands.CloudStackNetworkCommandsModule;
import io.weft.server.api.ec2.Ec2ApiModule;
import io.weft.server.api.operator.OperatorApiModule;
import io.weft.server.api.port.PortApiModule;
import io.weft.server.api.rest.RestModule;
import io.weft.server.broker.EmbeddedBrokerModule;
import io.weft.server.broker.ExternalBrokerModule;
import io.weft.server.catalogue.CatalogueModule;
import io.weft.server.compute.ComputeModule;
import io.weft.server.dispatch.DispatchModule;
import io.weft.server.http.HttpModule;
import io.weft.server.jobs.JobsModule;
import io.weft.server.metrics.MetricsModule;
import io.weft.server.network.NetworkLimits;
import io.weft.server.network.NetworkModule;
import io.weft.server.persistence.PersistenceModule;
import io.weft.server.persistence.SecretCipherModule;
import io.weft.server.securitygroup.SecurityGroupModule;
import io.weft.server.tags.TagsModule;
import io.weft.server.tenancy.TenancyModule;
import io.weft.server.topology.HostLiveness;
import io.weft.server.topology.TopologyModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides which modules make up the server, from the configuration. Modules
 * themselves never look at the configuration to decide what to bind.
 */
public final class ServerModules {
    private ServerModules() {}

    public static List<Module> forConfig(WeftConfig config) {
        List<Module> modules = new ArrayList<>();
        modules.add(new ConfigModule(config));
        modules.add(new ServerModule());
        modules.add(new MetricsModule());
        modules.add(new HttpModule());
        modules.add(new PersistenceModule(config.database()));
        modules.add(new SecretCipherModule(config.dataDir()));
        modules.add(config.broker().embedded() ? new EmbeddedBrokerModule() : new ExternalBrokerModule());
        modules.add(new CloudStackApiModule());
        modules.add(new JobsModule());
        modules.add(new CloudStackJobsModule());
        modules.add(new CloudStackCommandsModule());
        modules.add(new TenancyModule(config.bootstrap()));
        modules.add(new TopologyModule());
        modules.add(new NetworkModule(NetworkLimits.DEFAULTS));
        modules.add(new SecurityGroupModule());
        modules.add(new CatalogueModule());
        modules.add(new ComputeModule(new HostLiveness(config.dispatch().heartbeatTimeout())));
        modules.add(new TagsModule());
        modules.add(new Ec2ApiModule());
        modules.add(new CloudStackNetworkCommandsModule());
        modules.add(new CloudStackCatalogueCommandsModule());
        modules.add(new DispatchModule(config.dispatch()));
        modules.add(new RestModule());
        modules.add(new OperatorApiModule());
        modules.add(new PortApiModule(config.compute()));
        return List.copyOf(modules);
    }
}
