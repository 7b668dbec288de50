package io.weft.lab.infra;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.CommandRunner;
import io.weft.agent.process.ProcessCommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A throw-away data centre in network namespaces: an underlay switch (a Linux bridge in its own
 * namespace), hypervisors joined to it by veth pairs, each running its own Open vSwitch, and VMs
 * behind taps on those hypervisors. Closing it removes every namespace, process, interface and
 * directory it created, also after a partial failure.
 *
 * <pre>{@code
 * try (Lab lab = Lab.start()) {
 *     Hypervisor hv1 = lab.addHypervisor("hv1");
 *     Vm vm1 = lab.addVm(hv1, VmSpec.of("vm1", "tapvm1", "02:00:00:00:00:01", "10.10.0.1/24"));
 *     ...
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {

    /** Parent of every lab's directory; short because unix socket paths are limited to 107 bytes. */
    public static final Path ROOT = Path.of("/tmp", "weft-lab");
    /** The Linux bridge inside the underlay namespace that all hypervisor uplinks join. */
    public static final String UNDERLAY_SWITCH = "br-ul";

    private static final Pattern MEMBER_NAME = Pattern.compile("[a-z0-9]{1,10}");
    private static final String UNDERLAY_MEMBER = "ul";

    private final LabId id;
    private final CommandRunner runner;
    private final NetworkNamespaces namespaces;
    private final HypervisorBootstrap bootstrap;
    private final Path directory;
    /** In creation order; torn down in reverse. */
    private final List<String> createdNamespaces = new ArrayList<>();

    private final Map<String, Hypervisor> hypervisors = new LinkedHashMap<>();
    private final Map<String, Vm> vms = new LinkedHashMap<>();
    private final List<BackgroundProcess> backgroundProcesses = new ArrayList<>();
    private int backgroundSequence;
    private boolean closed;

    private Lab(LabId id, CommandRunner runner) {
        this.id = requireNonNull(id, "id is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.namespaces = new NetworkNamespaces(runner);
        this.bootstrap = new HypervisorBootstrap(runner);
        this.directory = ROOT.resolve(id.value());
    }

    /** Starts a lab running real processes; sweeps abandoned labs first. */
    public static Lab start() {
        return start(new ProcessCommandRunner());
    }

    public static Lab start(CommandRunner runner) {
        LabSweeper.sweepAbandoned(runner);
        Lab lab = new Lab(LabId.next(), runner);
        try {
            lab.buildUnderlay();
        } catch (RuntimeException e) {
            lab.closeAfterFailure(e);
            throw e;
        }
        return lab;
    }

    public LabId id() {
        return id;
    }

    /** Where this lab keeps OVS databases, sockets and logs (one sub-directory per hypervisor). */
    public Path directory() {
        return directory;
    }

    public String underlayNamespace() {
        return id.namespace(UNDERLAY_MEMBER);
    }

    /** Every namespace this lab created and has not removed yet. */
    public synchronized List<String> namespaces() {
        return List.copyOf(createdNamespaces);
    }

    public synchronized List<Hypervisor> hypervisors() {
        return List.copyOf(hypervisors.values());
    }

    public synchronized List<Vm> vms() {
        return List.copyOf(vms.values());
    }

    /**
     * Adds a hypervisor with underlay address 10.250.X.N/24 (N counts hypervisors from 1), its OVS
     * daemons running and {@value Hypervisor#UNDERLAY_BRIDGE} up. The name (1-10 of [a-z0-9]) is
     * also its member name in namespace and interface names.
     */
    public synchronized Hypervisor addHypervisor(String name) {
        requireOpen();
        requireMemberName(name);
        if (hypervisors.containsKey(name) || vms.containsKey(name)) {
            throw new IllegalArgumentException("name already used in this lab: " + name);
        }
        int number = hypervisors.size() + 1;
        String cidr = "10.250." + id.underlayOctet() + "." + number + "/24";
        Hypervisor hypervisor = new Hypervisor(name, createNamespace(name), cidr, directory.resolve(name), runner);
        hypervisors.put(name, hypervisor);
        bootstrap.boot(hypervisor, underlayNamespace(), UNDERLAY_SWITCH);
        return hypervisor;
    }

    /** Adds a VM whose tap (named in the spec) appears, up but unplugged, on the hypervisor. */
    public synchronized Vm addVm(Hypervisor hypervisor, VmSpec spec) {
        requireOpen();
        requireNonNull(hypervisor, "hypervisor is null");
        requireNonNull(spec, "spec is null");
        if (hypervisors.get(hypervisor.name()) != hypervisor) {
            throw new IllegalArgumentException("hypervisor is not part of this lab: " + hypervisor);
        }
        if (hypervisors.containsKey(spec.name()) || vms.containsKey(spec.name())) {
            throw new IllegalArgumentException("name already used in this lab: " + spec.name());
        }
        Vm vm = new Vm(spec, createNamespace(spec.name()), hypervisor, runner, this::startBackground);
        vms.put(spec.name(), vm);
        vm.create();
        return vm;
    }

    private synchronized BackgroundProcess startBackground(List<String> argv) {
        requireOpen();
        Path log = directory.resolve("background-" + (++backgroundSequence) + ".log");
        BackgroundProcess process = BackgroundProcess.start(argv, log);
        backgroundProcesses.add(process);
        return process;
    }

    /**
     * Removes everything this lab created. Keeps going past failures so that one stuck piece does
     * not leak the rest, then reports them all at once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (BackgroundProcess process : backgroundProcesses) {
            attempt(process::close, failures);
        }
        for (int i = createdNamespaces.size() - 1; i >= 0; i--) {
            String namespace = createdNamespaces.get(i);
            attempt(() -> namespaces.destroy(namespace), failures);
        }
        createdNamespaces.clear();
        attempt(() -> LabSweeper.deleteRecursively(directory), failures);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("lab " + id + " did not close cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "lab " + id + " " + hypervisors.values() + " " + vms.values();
    }

    private void buildUnderlay() {
        ensureBridgeNetfilterModule();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String underlay = createNamespace(UNDERLAY_MEMBER);
        runner.runChecked("ip", "-n", underlay, "link", "add", UNDERLAY_SWITCH, "type", "bridge");
        runner.runChecked("ip", "-n", underlay, "link", "set", UNDERLAY_SWITCH, "up");
    }

    /**
     * The net.bridge sysctls only exist once br_netfilter is loaded, and only the root namespace
     * can load it.
     */
    private void ensureBridgeNetfilterModule() {
        Path sysctl = Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");
        if (!Files.exists(sysctl)) {
            runner.runChecked("modprobe", "br_netfilter");
        }
    }

    private String createNamespace(String member) {
        String namespace = id.namespace(member);
        // Recorded before creation: if `ip netns add` half-succeeds, close still tries to remove it.
        createdNamespaces.add(namespace);
        namespaces.add(namespace);
        return namespace;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("lab " + id + " is closed");
        }
    }

    private static void requireMemberName(String name) {
        requireNonNull(name, "name is null");
        if (!MEMBER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-10 of [a-z0-9]: " + name);
        }
    }

    private void closeAfterFailure(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException cleanupFailure) {
            cause.addSuppressed(cleanupFailure);
        }
    }

    private static void attempt(Runnable step, List<RuntimeException> failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
