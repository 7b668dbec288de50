package io.weft.server.api.ec2;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.weft.spec.ec2.Ec2Catalogue;

/**
 * The EC2-compatible Query API on its own listener ({@code ec2.host}, {@code ec2.port}). Needs the
 * network services (network, security group, compute, tags), tenancy's {@code ApiKeyDirectory} and
 * topology.
 */
public final class Ec2ApiModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Ec2Authenticator.class).in(Scopes.SINGLETON);
        bind(Ec2IdResolver.class).in(Scopes.SINGLETON);
        bind(Ec2Tags.class).in(Scopes.SINGLETON);
        bind(Ec2ActionRouter.class).in(Scopes.SINGLETON);
        bind(Ec2HttpHandler.class).in(Scopes.SINGLETON);
        bind(Ec2HttpServer.class).in(Scopes.SINGLETON);
        Multibinder<Ec2Action.Family> families = Multibinder.newSetBinder(binder(), Ec2Action.Family.class);
        families.addBinding().to(AvailabilityZoneActions.class);
        families.addBinding().to(VpcActions.class);
        families.addBinding().to(SubnetActions.class);
        families.addBinding().to(SecurityGroupActions.class);
        families.addBinding().to(SecurityGroupRuleActions.class);
        families.addBinding().to(NetworkInterfaceActions.class);
        families.addBinding().to(TagActions.class);
    }

    @Provides
    @Singleton
    Ec2Catalogue catalogue() {
        return Ec2Catalogue.load();
    }
}
