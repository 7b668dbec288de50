package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import io.weft.server.WeftServer;
import io.weft.testsupport.ApiKeys;
import java.util.List;
import java.util.Optional;

/**
 * What the end-to-end and load measurements need of a populated server: the server, who may call
 * it, every host's agent login, and which of the tenant's groups, VMs and NICs they may change.
 * {@link SmallTopology} is one, built through the services; a scenario loaded at S/M/L is another.
 */
public interface LoadTarget {
    WeftServer server();

    /** The tenant that owns every group, VM and NIC named below. */
    ApiKeys tenantKeys();

    /** A root administrator, for the operator's convergence API. */
    ApiKeys operatorKeys();

    /** Every host to run an agent for. */
    List<AgentLogin> agents();

    /** Ordinary groups whose rules may be authorized and revoked (never the tenant's big group). */
    List<String> ruleGroups();

    /** Groups a VM's NIC may join and leave. */
    List<String> memberGroups();

    /** VMs, each placed on a host, whose NIC may change groups and that may get and lose a NIC. */
    List<ChangeableVm> vms();

    /** A network of the tenant's that no VM above has a NIC on, for NIC plug/unplug; empty: none. */
    Optional<String> plugNetwork();

    /** One host's agent login as {@code addHost} issued it. */
    record AgentLogin(String hostId, String user, String secret) {
        public AgentLogin {
            requireNonNull(hostId, "hostId is null");
            requireNonNull(user, "user is null");
            requireNonNull(secret, "secret is null");
        }

        @Override
        public String toString() {
            return "AgentLogin[hostId=" + hostId + ", user=" + user + "]";
        }
    }

    /** A VM, its one NIC and the groups that NIC is in now. */
    record ChangeableVm(String vmId, String nicId, List<String> groupIds) {
        public ChangeableVm {
            requireNonNull(vmId, "vmId is null");
            requireNonNull(nicId, "nicId is null");
            groupIds = List.copyOf(groupIds);
        }
    }
}
