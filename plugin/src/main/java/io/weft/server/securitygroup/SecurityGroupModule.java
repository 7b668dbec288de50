package io.weft.server.securitygroup;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.weft.server.network.ScopeGroups;
import io.weft.server.persistence.PersistentEntities;
import io.weft.server.tags.Taggable;
import io.weft.server.tags.TaggedType;
import io.weft.server.tags.TagsModule;
import io.weft.server.tenancy.AccountResources;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Security groups and their rules. Needs a {@code SessionFactory}, a {@code ChangeLog}, a {@code
 * java.time.Clock}, the tenancy module and the network module's {@code NetworkLimits}.
 */
public final class SecurityGroupModule extends AbstractModule {
    /** Groups carry tags, and so do their rules (EC2 tags {@code sgr-} ids). */
    public static final Map<TaggedType, Taggable<?>> TAGGABLE = Map.of(
            TaggedType.SECURITY_GROUP,
            new Taggable<>(SecurityGroupEntity.class, SecurityGroupEntity::getAccount, "security group"),
            TaggedType.SECURITY_GROUP_RULE,
            new Taggable<>(
                    SecurityGroupRuleEntity.class,
                    rule -> rule.getSecurityGroup().getAccount(),
                    "security group rule"));

    /** Groups and their rules. */
    public static final List<Class<?>> ENTITIES = List.of(SecurityGroupEntity.class, SecurityGroupRuleEntity.class);

    @Override
    protected void configure() {
        TagsModule.contribute(binder(), TAGGABLE);
        PersistentEntities.contribute(binder(), ENTITIES);
        bind(SecurityGroupStore.class).in(Singleton.class);
        bind(GroupResolver.class).in(Singleton.class);
        bind(DefaultGroups.class).in(Singleton.class);
        bind(ScopeGroups.class).to(ScopeDefaultGroups.class).in(Singleton.class);
        bind(SecurityGroupService.class).in(Singleton.class);
        // What tenancy, lower down, must count and delete without naming this feature.
        Multibinder.newSetBinder(binder(), AccountResources.class).addBinding().to(SecurityGroupAccountResources.class);
    }
}
