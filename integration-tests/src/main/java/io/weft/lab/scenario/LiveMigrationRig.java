package io.weft.lab.scenario;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.ProcessCommandRunner;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Vm;

/**
 * Stands in for the hypervisors' part of a live migration of a lab VM, so that only Weft's part
 * (moving the VM's port) decides whether packets are lost.
 *
 * <p>{@link #prepare} gives the VM a second interface, {@value #DESTINATION_INTERFACE}, whose peer
 * is the same tap name on the destination hypervisor, with the same MAC and address, and mirrors
 * everything the VM sends on {@code eth0} to it (tc mirred). From then on the VM answers on
 * whichever side the network delivers to, and its replies leave by both, as a VM does during the
 * switch-over of a live migration when memory is copied and either copy may be the one that runs.
 * The source side carries traffic until its port is removed; the destination side only once Weft
 * has programmed the destination. {@link #resumeOnDestination} then ends the source copy by taking
 * {@code eth0} down. A request is lost only if, at some moment, the peers send the VM's traffic to
 * a hypervisor where its port is not (yet, or any more) programmed.
 */
public final class LiveMigrationRig {
    public static final String DESTINATION_INTERFACE = "eth1";

    private final Vm vm;
    private final Hypervisor destination;
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    private LiveMigrationRig(Vm vm, Hypervisor destination) {
        this.vm = vm;
        this.destination = destination;
    }

    public static LiveMigrationRig prepare(Vm vm, Hypervisor destination) {
        requireNonNull(vm, "vm is null");
        requireNonNull(destination, "destination is null");
        LiveMigrationRig rig = new LiveMigrationRig(vm, destination);
        rig.createDestinationInterface();
        return rig;
    }

    private void createDestinationInterface() {
        String mtu = Integer.toString(vm.spec().mtu());
        runner.runChecked(
                "ip",
                "link",
                "add",
                "name",
                DESTINATION_INTERFACE,
                "netns",
                vm.namespace(),
                "type",
                "veth",
                "peer",
                "name",
                vm.tapName(),
                "netns",
                destination.namespace());
        vm.exec("ip", "link", "set", DESTINATION_INTERFACE, "address", vm.mac(), "mtu", mtu, "up");
        // The same address on both sides: when eth0 goes down, eth1's connected route takes over.
        vm.exec("ip", "addr", "add", vm.spec().ipv4Cidr(), "dev", DESTINATION_INTERFACE);
        // Same reasons as the lab's eth0: userspace datapath and checksum offload (docs/lab.md).
        vm.exec("ethtool", "-K", DESTINATION_INTERFACE, "tx", "off");
        // Requests arriving on eth1 are answered although the route back prefers eth0.
        vm.exec("sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=0");
        vm.exec("sysctl", "-q", "-w", "net.ipv4.conf." + DESTINATION_INTERFACE + ".rp_filter=0");
        vm.exec("sysctl", "-q", "-w", "net.ipv4.conf." + Vm.GUEST_INTERFACE + ".rp_filter=0");
        // (matchall is not in every kernel; u32 matching everything is.)
        vm.exec("tc", "qdisc", "add", "dev", Vm.GUEST_INTERFACE, "clsact");
        vm.exec(
                "tc",
                "filter",
                "add",
                "dev",
                Vm.GUEST_INTERFACE,
                "egress",
                "protocol",
                "all",
                "u32",
                "match",
                "u32",
                "0",
                "0",
                "action",
                "mirred",
                "egress",
                "mirror",
                "dev",
                DESTINATION_INTERFACE);
        destination.exec("ip", "link", "set", vm.tapName(), "mtu", mtu, "up");
    }

    /** The VM now runs only on the destination: the source copy stops answering and sending. */
    public void resumeOnDestination() {
        // Down first: removing the mirror while eth0 is still up would send a reply out of eth0
        // alone, to a source that no longer has the port.
        vm.exec("ip", "link", "set", Vm.GUEST_INTERFACE, "down");
        vm.exec("tc", "qdisc", "del", "dev", Vm.GUEST_INTERFACE, "clsact");
    }

    public Hypervisor destination() {
        return destination;
    }

    @Override
    public String toString() {
        return vm.name() + " mirrored to " + destination.name() + " as " + DESTINATION_INTERFACE;
    }
}
