package io.weft.server.network;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.compute.ComputeAccountResources;
import io.weft.server.compute.ComputeOccupancy;
import io.weft.server.compute.ComputeStore;
import io.weft.server.compute.NicAllocator;
import io.weft.server.compute.NicGroups;
import io.weft.server.compute.NicService;
import io.weft.server.compute.Placement;
import io.weft.server.compute.VirtualMachineService;
import io.weft.server.securitygroup.DefaultGroups;
import io.weft.server.securitygroup.GroupResolver;
import io.weft.server.securitygroup.SecurityGroupAccountResources;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.securitygroup.SecurityGroupStore;
import io.weft.server.tags.TagAccountResources;
import io.weft.server.tags.TagService;
import io.weft.server.tenancy.AccountResources;
import io.weft.server.tenancy.Ownership;
import io.weft.server.topology.TopologyOccupants;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The network services: networks and scopes, security groups, VMs and NICs, tags. Needs a {@code
 * SessionFactory}, a {@code ChangeLog}, a {@code java.time.Clock}, the tenancy module's {@code
 * TenancyStore} and {@code Authorizer}, and the dispatch module's {@code DispatchSettings} (whose
 * heartbeat timeout says which hosts are up); {@code Main} maps the configuration onto the limits.
 */
public final class NetworkModule extends AbstractModule {
    private final NetworkLimits limits;

    public NetworkModule(NetworkLimits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    protected void configure() {
        bind(NetworkLimits.class).toInstance(limits);
        bind(Ownership.class).in(Singleton.class);
        bind(NetworkStore.class).in(Singleton.class);
        bind(NetworkService.class).in(Singleton.class);
        bind(NetworkScopeService.class).in(Singleton.class);
        bind(SecurityGroupStore.class).in(Singleton.class);
        bind(GroupResolver.class).in(Singleton.class);
        bind(DefaultGroups.class).in(Singleton.class);
        bind(SecurityGroupService.class).in(Singleton.class);
        bind(ComputeStore.class).in(Singleton.class);
        bind(NicGroups.class).in(Singleton.class);
        bind(NicAllocator.class).in(Singleton.class);
        bind(Placement.class).in(Singleton.class);
        bind(NicService.class).in(Singleton.class);
        bind(VirtualMachineService.class).in(Singleton.class);
        bind(TagService.class).in(Singleton.class);
        // What tenancy and topology, lower down, must count and delete without naming these features.
        Multibinder<AccountResources> accountResources = Multibinder.newSetBinder(binder(), AccountResources.class);
        accountResources.addBinding().to(NetworkAccountResources.class);
        accountResources.addBinding().to(SecurityGroupAccountResources.class);
        accountResources.addBinding().to(ComputeAccountResources.class);
        accountResources.addBinding().to(TagAccountResources.class);
        Multibinder<TopologyOccupants> occupants = Multibinder.newSetBinder(binder(), TopologyOccupants.class);
        occupants.addBinding().to(NetworkOccupancy.class);
        occupants.addBinding().to(ComputeOccupancy.class);
    }

    /** MACs are random so that they do not reveal how many NICs exist; they need not be secret. */
    @Provides
    @Singleton
    RandomGenerator macRandom() {
        return new SecureRandom();
    }
}
