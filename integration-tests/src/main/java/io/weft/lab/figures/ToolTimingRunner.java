package io.weft.lab.figures;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs commands through another runner and adds up, per tool and subcommand (e.g. {@code ipset
 * restore}, {@code ovs-ofctl dump-flows}), how often it ran and for how long, wall clock. Lets the
 * figures tool say where an agent's apply spends its time without touching the agent.
 */
public final class ToolTimingRunner implements CommandRunner {
    /** Calls and total wall time of one tool invocation kind. */
    public record ToolTime(long calls, long nanos) {
        ToolTime plus(long elapsed) {
            return new ToolTime(calls + 1, nanos + elapsed);
        }
    }

    private final CommandRunner delegate;
    private final Map<String, ToolTime> times = new TreeMap<>();

    public ToolTimingRunner(CommandRunner delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public CommandResult run(Command command) {
        long started = System.nanoTime();
        try {
            return delegate.run(command);
        } finally {
            long elapsed = System.nanoTime() - started;
            String kind = kind(command.argv());
            synchronized (times) {
                times.merge(kind, new ToolTime(1, elapsed), (a, b) -> a.plus(elapsed));
            }
        }
    }

    /** The program and its first non-option argument: what distinguishes one kind of call. */
    static String kind(List<String> argv) {
        String program = argv.get(0);
        for (int i = 1; i < argv.size(); i++) {
            String argument = argv.get(i);
            if (argument.equals("-O")) {
                i++; // "-O OpenFlow14": the protocol version is the option's value, not the subcommand
            } else if (!argument.startsWith("-")) {
                return program + " " + argument;
            }
        }
        return program;
    }

    @Override
    public long invocationCount() {
        return delegate.invocationCount();
    }

    /** What ran since the last call, and forgets it. */
    public Map<String, ToolTime> drain() {
        synchronized (times) {
            Map<String, ToolTime> copy = new TreeMap<>(times);
            times.clear();
            return copy;
        }
    }
}
