package io.weft.server.persistence;

import io.weft.server.compute.AllowedAddressPairEntity;
import io.weft.server.compute.Nic;
import io.weft.server.compute.NicSecurityGroup;
import io.weft.server.compute.VirtualMachine;
import io.weft.server.dispatch.DispatcherLease;
import io.weft.server.jobs.AsyncJob;
import io.weft.server.network.Network;
import io.weft.server.network.NetworkScope;
import io.weft.server.securitygroup.SecurityGroupEntity;
import io.weft.server.securitygroup.SecurityGroupRuleEntity;
import io.weft.server.tags.ResourceTag;
import io.weft.server.tenancy.Account;
import io.weft.server.tenancy.Domain;
import io.weft.server.tenancy.User;
import io.weft.server.topology.Cluster;
import io.weft.server.topology.Host;
import io.weft.server.topology.Pod;
import io.weft.server.topology.Zone;
import io.weft.server.topology.ZoneSegmentRange;
import java.util.List;

/** Every mapped class, in one place: the session factory registers exactly these (no classpath scan). */
final class PersistentEntities {
    static final List<Class<?>> ALL = List.of(
            Zone.class,
            ZoneSegmentRange.class,
            Pod.class,
            Cluster.class,
            Host.class,
            Domain.class,
            Account.class,
            User.class,
            NetworkScope.class,
            Network.class,
            VirtualMachine.class,
            Nic.class,
            AllowedAddressPairEntity.class,
            SecurityGroupEntity.class,
            SecurityGroupRuleEntity.class,
            NicSecurityGroup.class,
            ResourceTag.class,
            ChangeRecord.class,
            AsyncJob.class,
            DispatcherLease.class);

    private PersistentEntities() {}
}
