package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.tenancy.Caller;
import java.util.List;

/**
 * A list command for objects Weft does not have (public addresses, port forwarding, CloudStack
 * VPCs, projects…). Clients call these on their ordinary paths (Libcloud's {@code list_nodes} asks
 * for public addresses and forwarding rules beside the VMs), so an honest empty list, {@code
 * {"listpublicipaddressesresponse":{}}} as CloudStack answers it, lets them go on where an
 * unknown-command error would stop them.
 */
final class EmptyListCommand extends SyncCommand {
    /** The list commands answered empty, each with the key its items would have. */
    static final List<EmptyListCommand> ALL = List.of(
            new EmptyListCommand("listPublicIpAddresses", "publicipaddress"),
            new EmptyListCommand("listPortForwardingRules", "portforwardingrule"),
            new EmptyListCommand("listIpForwardingRules", "ipforwardingrule"),
            new EmptyListCommand("listFirewallRules", "firewallrule"),
            new EmptyListCommand("listEgressFirewallRules", "firewallrule"),
            new EmptyListCommand("listLoadBalancerRules", "loadbalancerrule"),
            new EmptyListCommand("listVPCs", "vpc"),
            new EmptyListCommand("listProjects", "project"),
            new EmptyListCommand("listNetworkACLLists", "networkacllist"),
            new EmptyListCommand("listAffinityGroups", "affinitygroup"),
            new EmptyListCommand("listSSHKeyPairs", "sshkeypair"));

    private final String key;

    EmptyListCommand(String name, String key) {
        super(name);
        this.key = requireNonNull(key, "key is null");
    }

    @Override
    public CloudStackResult execute(Caller caller, Params params) {
        return CloudStackResult.list(key, List.of(), 0);
    }
}
