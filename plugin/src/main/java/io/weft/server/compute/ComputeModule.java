package io.weft.server.compute;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.weft.server.network.NetworkAttachments;
import io.weft.server.persistence.PersistentEntities;
import io.weft.server.tags.Taggable;
import io.weft.server.tags.TaggedType;
import io.weft.server.tags.TagsModule;
import io.weft.server.tenancy.AccountResources;
import io.weft.server.topology.HostLiveness;
import io.weft.server.topology.TopologyOccupants;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * VMs and their NICs, and where NICs are bound. Needs a {@code SessionFactory}, a {@code ChangeLog},
 * a {@code java.time.Clock}, the tenancy, network and security-group modules; {@code ServerModules}
 * says when a host counts as up.
 */
public final class ComputeModule extends AbstractModule {
    /** NICs and VMs carry tags. */
    public static final Map<TaggedType, Taggable<?>> TAGGABLE = Map.of(
            TaggedType.NIC, new Taggable<>(Nic.class, Nic::getAccount, "network interface"),
            TaggedType.VM, new Taggable<>(VirtualMachine.class, VirtualMachine::getAccount, "virtual machine"));

    /** VMs, NICs, their allowed address pairs and group memberships. */
    public static final List<Class<?>> ENTITIES = List.of(
            VirtualMachine.class,
            Nic.class,
            AllowedAddressPairEntity.class,
            SecondaryAddressEntity.class,
            NicSecurityGroup.class);

    private final HostLiveness liveness;

    public ComputeModule(HostLiveness liveness) {
        this.liveness = requireNonNull(liveness, "liveness is null");
    }

    @Override
    protected void configure() {
        TagsModule.contribute(binder(), TAGGABLE);
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(HostLiveness.class).toInstance(liveness);
        bind(ComputeStore.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), NetworkAttachments.class)
                .setBinding()
                .to(NetworkNics.class);
        bind(NicGroups.class).in(Singleton.class);
        bind(NicAllocator.class).in(Singleton.class);
        bind(Placement.class).in(Singleton.class);
        bind(NicService.class).in(Singleton.class);
        bind(VirtualMachineService.class).in(Singleton.class);
        // What tenancy and topology, lower down, must count and delete without naming this feature.
        Multibinder.newSetBinder(binder(), AccountResources.class).addBinding().to(ComputeAccountResources.class);
        Multibinder.newSetBinder(binder(), TopologyOccupants.class).addBinding().to(ComputeOccupancy.class);
    }

    /** MACs are random so that they do not reveal how many NICs exist; they need not be secret. */
    @Provides
    @Singleton
    RandomGenerator macRandom() {
        return new SecureRandom();
    }
}
