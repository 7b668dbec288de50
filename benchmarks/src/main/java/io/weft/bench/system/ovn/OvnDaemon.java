package io.weft.bench.system.ovn;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One detached OVS or OVN daemon inside a network namespace, known by its control socket and pid
 * file. Started with {@code --detach}, which returns only once the daemon is ready to serve; stopped
 * with its own {@code exit} command. Whatever survives that dies with the namespace.
 */
final class OvnDaemon {

    /** Linux reports process times to user space in USER_HZ ticks, 100 a second on every architecture we run on. */
    private static final int USER_HZ = 100;

    private final String name;
    private final Path runDir;
    private final boolean namedControl;
    private final Path pidFile;
    private final String namespace;
    private final CommandRunner runner;

    private OvnDaemon(
            String name, Path runDir, boolean namedControl, Path pidFile, String namespace, CommandRunner runner) {
        this.name = name;
        this.runDir = runDir;
        this.namedControl = namedControl;
        this.pidFile = pidFile;
        this.namespace = namespace;
        this.runner = runner;
    }

    /**
     * Runs {@code program args... --unixctl --pidfile --log-file --detach} in {@code namespace}, with
     * every path under {@code runDir} named after {@code name}.
     */
    static OvnDaemon start(
            CommandRunner runner, String namespace, Path runDir, String name, String program, List<String> args) {
        return start(runner, namespace, runDir, name, program, args, true);
    }

    /**
     * Like {@link #start(CommandRunner, String, Path, String, String, List)} for ovn-controller,
     * which has no {@code --unixctl} option: its control socket is {@code
     * $OVN_RUNDIR/ovn-controller.<pid>.ctl}.
     */
    static OvnDaemon startWithoutControlOption(
            CommandRunner runner, String namespace, Path runDir, String program, List<String> args) {
        return start(runner, namespace, runDir, program, program, args, false);
    }

    private static OvnDaemon start(
            CommandRunner runner,
            String namespace,
            Path runDir,
            String name,
            String program,
            List<String> args,
            boolean namedControl) {
        requireNonNull(runner, "runner is null");
        Path pidFile = runDir.resolve(name + ".pid");
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(args);
        if (namedControl) {
            argv.add("--unixctl=" + runDir.resolve(name + ".ctl"));
        }
        argv.add("--pidfile=" + pidFile);
        argv.add("--log-file=" + runDir.resolve(name + ".log"));
        argv.add("--detach");
        String dir = runDir.toString();
        runner.runChecked(Command.of(argv)
                .inNamespace(namespace)
                .withEnvironment(Map.of("OVN_RUNDIR", dir, "OVS_RUNDIR", dir))
                .withTimeout(Duration.ofSeconds(60)));
        return new OvnDaemon(name, runDir, namedControl, pidFile, namespace, runner);
    }

    String name() {
        return name;
    }

    Path control() {
        return runDir.resolve(namedControl ? name + ".ctl" : name + "." + pid() + ".ctl");
    }

    long pid() {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(name + " has no readable pid file " + pidFile, e);
        }
    }

    /** {@code ovs-appctl -t <control> args...}, checked; OVN's daemons answer ovs-appctl too. */
    String appctl(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>(List.of(
                "ovs-appctl",
                "--timeout=" + Math.max(1, timeout.toSeconds()),
                "-t",
                control().toString()));
        argv.addAll(List.of(args));
        CommandResult result =
                runner.runChecked(Command.of(argv).inNamespace(namespace).withTimeout(timeout.plusSeconds(5)));
        return result.stdout();
    }

    /** Resident memory now, from {@code /proc/<pid>/status}. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not running", e);
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /**
     * CPU time (user + system) the daemon has used so far, from {@code /proc/<pid>/stat}. On a
     * loaded machine this is the figure that does not grow with the load: wall time does.
     */
    double cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // Fields after the parenthesised command name, from field 3 (state): utime is field 14.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000.0 / USER_HZ;
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not running", e);
        }
    }

    /** Asks the daemon to exit; a failure is left to the namespace's teardown. */
    void stop() {
        try {
            runner.run(Command.of("ovs-appctl", "--timeout=5", "-t", control().toString(), "exit")
                    .inNamespace(namespace)
                    .withTimeout(Duration.ofSeconds(10)));
        } catch (RuntimeException alreadyGone) {
            // No pid file or no answer: nothing to ask; the namespace's teardown kills what is left.
        }
    }

    @Override
    public String toString() {
        return name + " (" + runDir + ")";
    }
}
