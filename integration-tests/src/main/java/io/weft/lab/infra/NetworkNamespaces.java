package io.weft.lab.infra;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import java.util.List;

/** Thin edge over {@code ip netns}: create, list, and tear down with every process inside. */
final class NetworkNamespaces {

    private final CommandRunner runner;

    NetworkNamespaces(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    void add(String namespace) {
        runner.runChecked("ip", "netns", "add", namespace);
        runner.runChecked(Command.of("ip", "link", "set", "lo", "up").inNamespace(namespace));
    }

    List<String> list() {
        // Lines look like "wl1n1-hv1 (id: 3)" or just "wl1n1-hv1".
        return runner.runChecked("ip", "netns", "list")
                .stdout()
                .lines()
                .map(line -> line.split("\\s+", 2)[0])
                .filter(name -> !name.isEmpty())
                .toList();
    }

    List<Long> pids(String namespace) {
        CommandResult result = runner.run(Command.of("ip", "netns", "pids", namespace));
        if (!result.succeeded()) {
            return List.of();
        }
        return result.stdout()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(Long::parseLong)
                .toList();
    }

    /**
     * Stops every process inside, then deletes the namespace, which destroys the interfaces it
     * holds (a veth pair dies with either end). Safe to call for a namespace that is already gone.
     */
    void destroy(String namespace) {
        if (!list().contains(namespace)) {
            return;
        }
        HostProcesses.terminate(pids(namespace));
        runner.runChecked("ip", "netns", "delete", namespace);
    }
}
