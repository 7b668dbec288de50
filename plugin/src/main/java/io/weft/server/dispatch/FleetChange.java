package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One change to the fleet as the dispatcher applies it. Each change says whether it can only take
 * access away ({@link #tightens()}), so such changes reach hosts before those that grant access.
 */
public sealed interface FleetChange {
    /** Applies the change and says which hosts it reached, and how (see {@link FleetReach}). */
    FleetReach apply(FleetModel fleet);

    /** Applies the change and returns the hosts whose desired state may have changed. */
    default Set<String> applyTo(FleetModel fleet) {
        return apply(fleet).hosts();
    }

    boolean tightens();

    record PutHost(FleetHost host) implements FleetChange {
        public PutHost {
            requireNonNull(host, "host is null");
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.putHost(host);
        }

        @Override
        public boolean tightens() {
            return false;
        }
    }

    record RemoveHost(String hostId) implements FleetChange {
        public RemoveHost {
            requireNonNull(hostId, "hostId is null");
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.removeHost(hostId);
        }

        @Override
        public boolean tightens() {
            return true;
        }
    }

    record PutNetwork(FleetNetwork network) implements FleetChange {
        public PutNetwork {
            requireNonNull(network, "network is null");
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.putNetwork(network);
        }

        @Override
        public boolean tightens() {
            return false;
        }
    }

    record RemoveNetwork(String networkId) implements FleetChange {
        public RemoveNetwork {
            requireNonNull(networkId, "networkId is null");
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.removeNetwork(networkId);
        }

        @Override
        public boolean tightens() {
            return true;
        }
    }

    /** A NIC's new version; {@code tightens} when it only lost groups or was unbound. */
    record PutNic(FleetNic nic, boolean tightens) implements FleetChange {
        public PutNic {
            requireNonNull(nic, "nic is null");
        }

        public PutNic(FleetNic nic) {
            this(nic, false);
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.putNic(nic);
        }
    }

    record RemoveNic(String nicId) implements FleetChange {
        public RemoveNic {
            requireNonNull(nicId, "nicId is null");
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.removeNic(nicId);
        }

        @Override
        public boolean tightens() {
            return true;
        }
    }

    /** A group's new rules; {@code tightens} is true when the new rules are a subset of the old. */
    record PutGroup(FleetGroup group, boolean tightens) implements FleetChange {
        public PutGroup {
            requireNonNull(group, "group is null");
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.putGroup(group);
        }
    }

    record RemoveGroup(String groupId) implements FleetChange {
        public RemoveGroup {
            requireNonNull(groupId, "groupId is null");
        }

        @Override
        public FleetReach apply(FleetModel fleet) {
            return fleet.removeGroup(groupId);
        }

        @Override
        public boolean tightens() {
            return true;
        }
    }
}
