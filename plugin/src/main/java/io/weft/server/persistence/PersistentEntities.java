package io.weft.server.persistence;

import io.weft.server.network.model.AllowedAddressPair;
import io.weft.server.network.model.Network;
import io.weft.server.network.model.NetworkScope;
import io.weft.server.network.model.Nic;
import io.weft.server.network.model.NicSecurityGroup;
import io.weft.server.network.model.ResourceTag;
import io.weft.server.network.model.SecurityGroup;
import io.weft.server.network.model.SecurityGroupRule;
import io.weft.server.network.model.VirtualMachine;
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
            AllowedAddressPair.class,
            SecurityGroup.class,
            SecurityGroupRule.class,
            NicSecurityGroup.class,
            ResourceTag.class,
            ChangeRecord.class,
            AsyncJob.class,
            DispatcherLease.class);

    private PersistentEntities() {}
}
