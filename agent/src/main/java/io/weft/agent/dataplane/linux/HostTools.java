package io.weft.agent.dataplane.linux;

import static java.util.Objects.requireNonNull;

import io.weft.agent.dataplane.DataplaneException;
import io.weft.agent.process.Command;
import io.weft.agent.process.CommandFailedException;
import io.weft.agent.process.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's tools as argument vectors, pointed at the configured OVS and namespace. Every write
 * goes through {@link #write}, which counts it, so a test can prove that nothing was written.
 */
final class HostTools {
    private final CommandRunner runner;
    private final LinuxHostConfig config;
    private final Map<String, String> environment;
    private final AtomicLong writes = new AtomicLong();

    HostTools(CommandRunner runner, LinuxHostConfig config) {
        this.runner = requireNonNull(runner, "runner is null");
        this.config = requireNonNull(config, "config is null");
        this.environment = config.ovsRunDir()
                .map(dir -> Map.of("OVS_RUNDIR", dir.toString(), "OVS_DBDIR", dir.toString()))
                .orElse(Map.of());
    }

    long writeCount() {
        return writes.get();
    }

    List<String> vsctl(List<String> args) {
        List<String> argv = new ArrayList<>(args.size() + 3);
        argv.add("ovs-vsctl");
        argv.add("--db=" + config.ovsDbUrl());
        argv.add("--timeout=" + Math.max(1, config.commandTimeout().toSeconds()));
        argv.addAll(args);
        return argv;
    }

    static List<String> ofctl(String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add("ovs-ofctl");
        argv.addAll(List.of(args));
        return argv;
    }

    /** Runs a reading command; a failure is a read-back failure. */
    String read(List<String> argv) {
        return run(command(argv, ""));
    }

    /** Runs a writing command (optionally with input) and counts it. */
    String write(List<String> argv, String stdin) {
        writes.incrementAndGet();
        return run(command(argv, stdin));
    }

    /** Runs a command whose failure the caller handles, e.g. a probe. Not counted. */
    io.weft.agent.process.CommandResult tryRun(List<String> argv) {
        return runner.run(command(argv, ""));
    }

    private Command command(List<String> argv, String stdin) {
        Command command = Command.of(argv).withEnvironment(environment).withTimeout(config.commandTimeout());
        if (!stdin.isEmpty()) {
            command = command.withStdin(stdin);
        }
        return config.namespace().map(command::inNamespace).orElse(command);
    }

    private String run(Command command) {
        try {
            return runner.runChecked(command).stdout();
        } catch (CommandFailedException e) {
            throw new DataplaneException(e.getMessage(), e);
        }
    }
}
