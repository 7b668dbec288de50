package io.weft.bench.system.ovn;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes sure OVN is installed, from the distribution's packages as an operator would, and that the
 * packages' own daemons are not running: the benchmark starts private ones, and a system northd
 * or ovn-controller would only compete for the same two cores.
 */
public final class OvnInstall {

    static final List<String> TOOLS =
            List.of("ovn-northd", "ovn-controller", "ovn-nbctl", "ovn-sbctl", "ovsdb-server", "ovs-vswitchd");
    static final List<String> PACKAGES = List.of("ovn-central", "ovn-host");

    private OvnInstall() {}

    public static boolean installed() {
        return TOOLS.stream().allMatch(OvnInstall::onPath) && Files.isReadable(OvnCentral.NB_SCHEMA);
    }

    /** Installs {@link #PACKAGES} with apt-get when a tool is missing, then stops their services. */
    public static void ensureInstalled(CommandRunner runner) {
        if (installed()) {
            return;
        }
        Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
        runner.runChecked(Command.of("apt-get", "update").withEnvironment(quiet).withTimeout(Duration.ofMinutes(5)));
        runner.runChecked(Command.of(Stream.concat(
                                Stream.of("apt-get", "install", "-y", "--no-install-recommends"), PACKAGES.stream())
                        .toList())
                .withEnvironment(quiet)
                .withTimeout(Duration.ofMinutes(10)));
        stopPackagedServices(runner);
        if (!installed()) {
            throw new IllegalStateException("OVN is still missing after installing " + PACKAGES);
        }
    }

    /** Under systemd the units; without it (containers) the packages' own ovn-ctl script. */
    private static void stopPackagedServices(CommandRunner runner) {
        if (Files.isDirectory(Path.of("/run/systemd/system"))) {
            runner.run(Command.of(
                    "systemctl",
                    "stop",
                    "ovn-host",
                    "ovn-central",
                    "ovn-controller",
                    "ovn-northd",
                    "ovn-ovsdb-server-nb",
                    "ovn-ovsdb-server-sb"));
            return;
        }
        Path ovnCtl = Path.of("/usr/share/ovn/scripts/ovn-ctl");
        if (Files.isExecutable(ovnCtl)) {
            for (String stop : List.of("stop_controller", "stop_northd")) {
                runner.run(Command.of(ovnCtl.toString(), stop).withTimeout(Duration.ofMinutes(1)));
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
