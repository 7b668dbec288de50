package io.weft.lab.infra;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One lab hypervisor: a network namespace with its own ovsdb-server and ovs-vswitchd (userspace
 * datapath) and an underlay address on the OVS bridge {@value #UNDERLAY_BRIDGE}. Everything an
 * agent needs to target this OVS is exposed: {@link #dbSocket()}, {@link #runDir()}, {@link
 * #ovsEnvironment()} and {@link #namespace()}.
 *
 * <p>The lab builds only the underlay; the integration bridge, tunnel ports and flows are the
 * agent's (or a test's) job.
 */
public final class Hypervisor {

    /** The netdev bridge that holds the underlay uplink and the tunnel endpoint address. */
    public static final String UNDERLAY_BRIDGE = "br-phy";
    /** The hypervisor's end of its veth to the underlay switch. */
    public static final String UPLINK = "uplink";

    private final String name;
    private final String namespace;
    private final String underlayCidr;
    private final Path runDir;
    private final CommandRunner runner;

    Hypervisor(String name, String namespace, String underlayCidr, Path runDir, CommandRunner runner) {
        this.name = requireNonNull(name, "name is null");
        this.namespace = requireNonNull(namespace, "namespace is null");
        this.underlayCidr = requireNonNull(underlayCidr, "underlayCidr is null");
        this.runDir = requireNonNull(runDir, "runDir is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** The tunnel endpoint address, e.g. {@code 10.250.3.1}. */
    public String underlayIp() {
        return underlayCidr.substring(0, underlayCidr.indexOf('/'));
    }

    public String underlayCidr() {
        return underlayCidr;
    }

    /** OVS_RUNDIR, OVS_DBDIR and OVS_LOGDIR of this hypervisor's daemons. */
    public Path runDir() {
        return runDir;
    }

    public Path dbSocket() {
        return runDir.resolve("db.sock");
    }

    /** The database address for {@code ovs-vsctl --db=...}. */
    public String dbUrl() {
        return "unix:" + dbSocket();
    }

    public Path vswitchdControl() {
        return runDir.resolve("ovs-vswitchd.ctl");
    }

    public Path ovsdbServerControl() {
        return runDir.resolve("ovsdb-server.ctl");
    }

    public Path vswitchdPidFile() {
        return runDir.resolve("ovs-vswitchd.pid");
    }

    public Path ovsdbServerPidFile() {
        return runDir.resolve("ovsdb-server.pid");
    }

    /**
     * The environment OVS tools need to find this instance. ovs-ofctl locates a bridge through
     * {@code $OVS_RUNDIR/<bridge>.mgmt}, so it must run with this environment.
     */
    public Map<String, String> ovsEnvironment() {
        String dir = runDir.toString();
        return Map.of("OVS_RUNDIR", dir, "OVS_DBDIR", dir, "OVS_LOGDIR", dir);
    }

    /** {@code ovs-vsctl --db=unix:<db.sock> args...}, checked. */
    public CommandResult vsctl(String... args) {
        return exec(prepend(List.of("ovs-vsctl", "--db=" + dbUrl(), "--timeout=20"), args));
    }

    /** {@code ovs-ofctl args...} with this hypervisor's OVS_RUNDIR, checked. */
    public CommandResult ofctl(String... args) {
        return exec(prepend(List.of("ovs-ofctl"), args));
    }

    /** {@code ovs-ofctl args...} fed {@code input} on stdin (use {@code -} as the file argument). */
    public CommandResult ofctlWithInput(String input, String... args) {
        return runner.runChecked(command(prepend(List.of("ovs-ofctl"), args)).withStdin(input));
    }

    /**
     * {@code ovs-appctl --target=<rundir>/ovs-vswitchd.ctl args...}, checked. The explicit target
     * matters: by default ovs-appctl looks for {@code ovs-vswitchd.<pid>.ctl}, which we do not create.
     */
    public CommandResult appctl(String... args) {
        return exec(prepend(List.of("ovs-appctl", "--target=" + vswitchdControl()), args));
    }

    /** Runs any command inside this hypervisor's namespace with the OVS environment, checked. */
    public CommandResult exec(String... argv) {
        return exec(List.of(argv));
    }

    public CommandResult exec(List<String> argv) {
        return runner.runChecked(command(argv));
    }

    /** Like {@link #exec(String...)} but returns a failing result instead of throwing. */
    public CommandResult tryExec(String... argv) {
        return runner.run(command(List.of(argv)));
    }

    /** A command prepared to run inside this hypervisor; for callers that need stdin or a timeout. */
    public Command command(List<String> argv) {
        return Command.of(argv).inNamespace(namespace).withEnvironment(ovsEnvironment());
    }

    @Override
    public String toString() {
        return name + " (" + namespace + ", " + underlayCidr + ")";
    }

    private static List<String> prepend(List<String> head, String... tail) {
        List<String> argv = new ArrayList<>(head);
        argv.addAll(List.of(tail));
        return argv;
    }
}
