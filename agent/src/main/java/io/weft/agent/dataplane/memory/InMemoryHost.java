package io.weft.agent.dataplane.memory;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole hypervisor in memory, reached through the same argument vectors and scripts the Linux
 * driver sends to the real tools: ipsets, both iptables filter tables, Open vSwitch and network
 * devices, each parsing its input into state and printing it back in the tools' read-back formats.
 * Thousands fit in one JVM, for the scale simulation. Synchronized: tests poke it from their thread.
 */
public final class InMemoryHost implements CommandRunner {
    private final InMemoryIptables iptables = new InMemoryIptables();
    private final InMemoryIpsets ipsets = new InMemoryIpsets(iptables);
    private final InMemoryOvs ovs = new InMemoryOvs();
    private final InMemoryLinks links = new InMemoryLinks();
    private final AtomicLong invocations = new AtomicLong();

    @Override
    public synchronized CommandResult run(Command command) {
        invocations.incrementAndGet();
        List<String> argv = command.argv();
        String stdin = new String(command.stdin(), StandardCharsets.UTF_8);
        try {
            return new CommandResult(0, dispatch(argv, stdin), "");
        } catch (ToolFailure failure) {
            return new CommandResult(1, "", failure.getMessage() + "\n");
        }
    }

    private String dispatch(List<String> argv, String stdin) {
        switch (argv.get(0)) {
            case "ipset" -> {
                if (argv.get(1).equals("save")) {
                    return ipsets.save();
                }
                if (argv.contains("restore")) {
                    ipsets.restore(stdin);
                    return "";
                }
                ipsets.command(argv.subList(1, argv.size()));
                return "";
            }
            case "iptables-save" -> {
                return iptables.save("ipv4");
            }
            case "ip6tables-save" -> {
                return iptables.save("ipv6");
            }
            case "iptables-restore" -> {
                iptables.restoreNoflush("ipv4", stdin);
                return "";
            }
            case "ip6tables-restore" -> {
                iptables.restoreNoflush("ipv6", stdin);
                return "";
            }
            case "iptables", "ip6tables" -> {
                if (argv.size() == 3 && argv.get(1).equals("-F")) {
                    iptables.flush(argv.get(0).equals("iptables") ? "ipv4" : "ipv6", argv.get(2));
                    return "";
                }
                throw new ToolFailure("unsupported " + argv);
            }
            case "ovs-vsctl" -> {
                return ovs.vsctl(argv);
            }
            case "ovs-ofctl" -> {
                return ovs.ofctl(argv, stdin);
            }
            case "ip" -> {
                if (argv.equals(List.of("ip", "-batch", "-"))) {
                    // Like ip -batch without -force: line by line, stopping at the first failure.
                    for (String line : stdin.split("\n")) {
                        if (!line.isBlank()) {
                            List<String> lineArgv = new ArrayList<>(List.of("ip"));
                            lineArgv.addAll(List.of(line.trim().split("\\s+")));
                            links.ip(lineArgv);
                        }
                    }
                    return "";
                }
                return links.ip(argv);
            }
            default -> throw new ToolFailure(argv.get(0) + ": command not found");
        }
    }

    @Override
    public long invocationCount() {
        return invocations.get();
    }

    public synchronized void addTap(String name, int mtu) {
        links.addTap(name, mtu);
    }

    public synchronized void removeTap(String name) {
        links.removeTap(name);
    }

    public synchronized boolean deviceExists(String name) {
        return links.exists(name);
    }

    public synchronized java.util.Optional<String> masterOf(String device) {
        return links.masterOf(device);
    }

    public synchronized List<String> chainRules(String family, String chain) {
        return iptables.rules(family, chain);
    }

    public synchronized int setSize(String name) {
        return ipsets.size(name);
    }

    public synchronized int flowCount(String bridge) {
        return ovs.flowCount(bridge);
    }

    public synchronized List<String> tunnelPorts(String type) {
        return ovs.interfacesOfType(type);
    }
}
