package io.weft.server.api.ec2;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.ec2attributes.Ec2Attribute;
import io.weft.server.ec2attributes.Ec2AttributeService;
import io.weft.server.persistence.PersistentEntities;
import io.weft.spec.ec2.Ec2Catalogue;
import java.util.List;

/**
 * The EC2-compatible Query API on its own listener ({@code ec2.host}, {@code ec2.port}). Needs the
 * network services (network, security group, compute, tags), tenancy's {@code ApiKeyDirectory} and
 * topology.
 */
public final class Ec2ApiModule extends AbstractModule {
    /** The VPC and subnet attributes only EC2 has (DNS support, public address assignment...). */
    public static final List<Class<?>> ENTITIES = List.of(Ec2Attribute.class);

    @Override
    protected void configure() {
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(Ec2Authenticator.class).in(Scopes.SINGLETON);
        bind(Ec2IdResolver.class).in(Scopes.SINGLETON);
        bind(Ec2Tags.class).in(Scopes.SINGLETON);
        bind(ImplicitVpcParts.class).in(Scopes.SINGLETON);
        bind(Ec2AttributeService.class).in(Scopes.SINGLETON);
        bind(Ec2ActionRouter.class).in(Scopes.SINGLETON);
        bind(Ec2HttpHandler.class).in(Scopes.SINGLETON);
        bind(Ec2HttpServer.class).in(Scopes.SINGLETON);
        Multibinder<Ec2Action.Family> families = Multibinder.newSetBinder(binder(), Ec2Action.Family.class);
        families.addBinding().to(AvailabilityZoneActions.class);
        families.addBinding().to(VpcActions.class);
        families.addBinding().to(VpcAttributeActions.class);
        families.addBinding().to(NetworkAclActions.class);
        families.addBinding().to(RouteTableActions.class);
        families.addBinding().to(AbsentVpcFeatureActions.class);
        families.addBinding().to(SubnetActions.class);
        families.addBinding().to(SubnetAttributeActions.class);
        families.addBinding().to(SecurityGroupActions.class);
        families.addBinding().to(SecurityGroupRuleActions.class);
        families.addBinding().to(RuleDescriptionActions.class);
        families.addBinding().to(NetworkInterfaceActions.class);
        families.addBinding().to(NetworkInterfaceAttachmentActions.class);
        families.addBinding().to(PrivateIpAddressActions.class);
        families.addBinding().to(TagActions.class);
    }

    @Provides
    @Singleton
    Ec2Catalogue catalogue() {
        return Ec2Catalogue.load();
    }
}
