package io.weft.lab.infra;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandFailedException;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * One lab VM: a namespace whose {@code eth0} is a veth to the tap named in its {@link VmSpec} on
 * its hypervisor. Every probe runs inside the VM namespace, so what it measures is what a guest
 * would see.
 */
public final class Vm {

    /** The guest's interface; each VM namespace has its own, so the name never clashes. */
    public static final String GUEST_INTERFACE = "eth0";

    private static final Duration LISTENER_READY = Duration.ofSeconds(5);

    private final VmSpec spec;
    private final String namespace;
    private final Hypervisor hypervisor;
    private final CommandRunner runner;
    private final Function<List<String>, BackgroundProcess> backgroundStarter;

    Vm(
            VmSpec spec,
            String namespace,
            Hypervisor hypervisor,
            CommandRunner runner,
            Function<List<String>, BackgroundProcess> backgroundStarter) {
        this.spec = requireNonNull(spec, "spec is null");
        this.namespace = requireNonNull(namespace, "namespace is null");
        this.hypervisor = requireNonNull(hypervisor, "hypervisor is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.backgroundStarter = requireNonNull(backgroundStarter, "backgroundStarter is null");
    }

    public VmSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String namespace() {
        return namespace;
    }

    public Hypervisor hypervisor() {
        return hypervisor;
    }

    /** The tap device on the hypervisor: what the agent plugs. */
    public String tapName() {
        return spec.tapName();
    }

    public String mac() {
        return spec.mac();
    }

    public String ipv4Address() {
        return spec.ipv4Address();
    }

    /** Creates the veth pair and configures the guest side. Called by {@link Lab}. */
    void create() {
        runner.runChecked(
                "ip",
                "link",
                "add",
                "name",
                GUEST_INTERFACE,
                "netns",
                namespace,
                "type",
                "veth",
                "peer",
                "name",
                spec.tapName(),
                "netns",
                hypervisor.namespace());
        String mtu = Integer.toString(spec.mtu());
        exec("ip", "link", "set", GUEST_INTERFACE, "address", spec.mac(), "mtu", mtu, "up");
        exec("ip", "addr", "add", spec.ipv4Cidr(), "dev", GUEST_INTERFACE);
        // nodad: the address is usable at once instead of after ~2 s of duplicate detection.
        spec.ipv6Cidr().ifPresent(cidr -> exec("ip", "addr", "add", cidr, "dev", GUEST_INTERFACE, "nodad"));
        // The userspace datapath reads frames through AF_PACKET and does not complete partial
        // checksums; with offload on, TCP and UDP arrive with bad checksums and are dropped.
        exec("ethtool", "-K", GUEST_INTERFACE, "tx", "off");
        hypervisor.exec("ip", "link", "set", spec.tapName(), "mtu", mtu, "up");
    }

    /**
     * Sends {@code count} echo requests {@code interval} apart and waits up to {@code timeout} for
     * each reply; the counts come from ping's summary line.
     */
    public PingResult ping(String targetIp, int count, Duration interval, Duration timeout) {
        return ping(List.of(), targetIp, count, interval, timeout);
    }

    /** Pings with a chosen source address (for anti-spoofing: add it first with {@link #addAddress}). */
    public PingResult pingFrom(String sourceIp, String targetIp, int count, Duration interval, Duration timeout) {
        return ping(List.of("-I", sourceIp), targetIp, count, interval, timeout);
    }

    private PingResult ping(List<String> options, String targetIp, int count, Duration interval, Duration timeout) {
        List<String> argv = new ArrayList<>(List.of("ping", "-n", "-q", "-c", Integer.toString(count)));
        // -W (wait per reply), not -w (deadline): with -w, ping keeps sending past count on loss.
        argv.addAll(List.of("-i", seconds(interval), "-W", Long.toString(wholeSeconds(timeout))));
        argv.addAll(options);
        argv.add(targetIp);
        Duration worstCase = interval.multipliedBy(count).plus(timeout).plusSeconds(5);
        Command command = Command.of(argv).inNamespace(namespace).withTimeout(worstCase);
        CommandResult result = runner.run(command);
        // Exit 1 just means "no reply": a result, not an error. No summary at all is an error.
        return PingResult.parse(result.stdout())
                .orElseThrow(() -> CommandFailedException.exited(command.effectiveArgv(), result));
    }

    /** True when a TCP connection to ip:port is accepted within the timeout. */
    public boolean tcpConnect(String ip, int port, Duration timeout) {
        return runProbe(
                        List.of("nc", "-z", "-n", "-w", Long.toString(wholeSeconds(timeout)), ip, port(port)),
                        "",
                        timeout)
                .succeeded();
    }

    /**
     * True when a datagram sent to ip:port comes back. Needs an echo responder there ({@link
     * #startUdpEcho}); a unique token tells the reply from anything else.
     */
    public boolean udpProbe(String ip, int port, Duration timeout) {
        String token = "weft-probe-" + UUID.randomUUID() + "\n";
        CommandResult result = runProbe(
                List.of("nc", "-u", "-n", "-W", "1", "-w", Long.toString(wholeSeconds(timeout)), ip, port(port)),
                token,
                timeout);
        return result.stdout().contains(token.strip());
    }

    private CommandResult runProbe(List<String> argv, String stdin, Duration timeout) {
        return runner.run(
                Command.of(argv).inNamespace(namespace).withStdin(stdin).withTimeout(timeout.plusSeconds(5)));
    }

    /** Accepts TCP on the port (IPv4 and IPv6) and echoes what it receives; stopped on lab close. */
    public BackgroundProcess startTcpListener(int port) {
        return startListener(
                List.of("socat", "TCP6-LISTEN:" + port + ",ipv6only=0,reuseaddr,fork", "EXEC:/bin/cat"), "-ltnH", port);
    }

    /** Echoes every UDP datagram back to its sender (IPv4 and IPv6); stopped on lab close. */
    public BackgroundProcess startUdpEcho(int port) {
        return startListener(
                List.of("socat", "UDP6-RECVFROM:" + port + ",ipv6only=0,reuseaddr,fork", "EXEC:/bin/cat"),
                "-lunH",
                port);
    }

    private BackgroundProcess startListener(List<String> socatArgv, String ssOptions, int port) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(socatArgv);
        BackgroundProcess listener = backgroundStarter.apply(argv);
        long deadline = System.nanoTime() + LISTENER_READY.toNanos();
        // Probing right after start would race the bind; wait until the socket is listed.
        while (System.nanoTime() < deadline) {
            if (!listener.isAlive()) {
                throw new IllegalStateException("listener exited: " + listener + ": " + listener.output());
            }
            String sockets = exec("ss", ssOptions, "sport", "=", ":" + port).stdout();
            if (!sockets.isBlank()) {
                return listener;
            }
            HostProcesses.sleep(Duration.ofMillis(50));
        }
        listener.close();
        throw new IllegalStateException("listener did not bind within " + LISTENER_READY + ": " + listener);
    }

    /** Adds a second address to eth0, e.g. to send from a forged source with {@link #pingFrom}. */
    public void addAddress(String cidr) {
        exec("ip", "addr", "add", cidr, "dev", GUEST_INTERFACE, "nodad");
    }

    public void removeAddress(String cidr) {
        exec("ip", "addr", "del", cidr, "dev", GUEST_INTERFACE);
    }

    /** Changes eth0's MAC (to forge the source MAC); pass {@code spec().mac()} to restore it. */
    public void setMac(String mac) {
        exec("ip", "link", "set", GUEST_INTERFACE, "address", mac.toLowerCase(Locale.ROOT));
        // Neighbours cached our old MAC; forget theirs so that the next probe re-ARPs from the new one.
        exec("ip", "neigh", "flush", "dev", GUEST_INTERFACE);
    }

    /** Runs any command inside the VM namespace, checked. */
    public CommandResult exec(String... argv) {
        return runner.runChecked(Command.of(argv).inNamespace(namespace));
    }

    /** Like {@link #exec} but returns a failing result instead of throwing. */
    public CommandResult tryExec(String... argv) {
        return runner.run(Command.of(argv).inNamespace(namespace));
    }

    @Override
    public String toString() {
        return spec.name() + " (" + spec.ipv4Cidr() + ", " + spec.mac() + ", tap " + spec.tapName() + " on "
                + hypervisor.name() + ")";
    }

    private static String port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return Integer.toString(port);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** nc and ping take whole seconds; round up so that a short timeout never becomes 0 (= none). */
    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
