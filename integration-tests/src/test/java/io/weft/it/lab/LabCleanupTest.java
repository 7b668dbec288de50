package io.weft.it.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandFailedException;
import io.weft.agent.process.ProcessCommandRunner;
import io.weft.it.RealDataplane;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import io.weft.lab.infra.LabSweeper;
import io.weft.lab.infra.Vm;
import io.weft.lab.infra.VmSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabCleanupTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @BeforeEach
    void requireDataplane() {
        RealDataplane.requireOrSkip();
    }

    @Test
    void closeRemovesEveryNamespaceProcessAndDirectory() throws IOException {
        List<String> namespaces;
        List<Long> pids = new ArrayList<>();
        Path directory;
        String prefix;
        try (Lab lab = Lab.start(runner)) {
            Hypervisor hv1 = lab.addHypervisor("hv1");
            lab.addHypervisor("hv2");
            Vm vm = lab.addVm(hv1, VmSpec.of("vm1", "tapvm1", "02:00:0a:0a:00:01", "10.10.0.1/24"));
            pids.add(vm.startTcpListener(7000).pid());
            for (Hypervisor hypervisor : lab.hypervisors()) {
                pids.add(pidFrom(hypervisor.vswitchdPidFile()));
                pids.add(pidFrom(hypervisor.ovsdbServerPidFile()));
            }
            namespaces = lab.namespaces();
            directory = lab.directory();
            prefix = lab.id().value() + "-";
            assertThat(namespaces).hasSize(4).allMatch(name -> name.startsWith(prefix));
            assertThat(pids).allMatch(LabCleanupTest::running);
        }

        assertThat(existingNamespaces()).noneMatch(name -> name.startsWith(prefix));
        assertThat(pids).noneMatch(LabCleanupTest::running);
        assertThat(directory).doesNotExist();
    }

    @Test
    void closeAfterAFailedStepStillRemovesEverything() {
        String prefix;
        try (Lab lab = Lab.start(runner)) {
            prefix = lab.id().value() + "-";
            Hypervisor hv1 = lab.addHypervisor("hv1");
            lab.addVm(hv1, VmSpec.of("vm1", "tapsame", "02:00:0a:0a:00:01", "10.10.0.1/24"));

            assertThatThrownBy(() -> lab.addVm(hv1, VmSpec.of("vm2", "tapsame", "02:00:0a:0a:00:02", "10.10.0.2/24")))
                    .isInstanceOfSatisfying(CommandFailedException.class, failure -> assertThat(failure.stderr())
                            .isNotBlank());
            assertThat(lab.namespaces()).contains(prefix + "vm2");
        }

        assertThat(existingNamespaces()).noneMatch(name -> name.startsWith(prefix));
    }

    @Test
    void sweepRemovesLeftoversOfADeadOwnerButNotOfALiveOne() throws Exception {
        long deadPid = pidOfAFinishedProcess();
        String abandoned = "wl" + deadPid + "n1-hv1";
        Path abandonedDirectory = Lab.ROOT.resolve("wl" + deadPid + "n1");
        runner.runChecked("ip", "netns", "add", abandoned);
        Files.createDirectories(abandonedDirectory.resolve("hv1"));

        try (Lab live = Lab.start(runner)) {
            // Starting a lab sweeps; the live lab's own namespace must survive a second sweep.
            LabSweeper.sweepAbandoned(runner);

            assertThat(existingNamespaces()).doesNotContain(abandoned).contains(live.underlayNamespace());
            assertThat(abandonedDirectory).doesNotExist();
            assertThat(live.directory()).exists();
        } finally {
            runner.run(Command.of("ip", "netns", "delete", abandoned));
        }
    }

    private List<String> existingNamespaces() {
        return runner.runChecked("ip", "netns", "list")
                .stdout()
                .lines()
                .map(line -> line.split("\\s+", 2)[0])
                .toList();
    }

    private static long pidFrom(Path pidFile) throws IOException {
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    /** Running, not merely a zombie that nobody reaped. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    private static long pidOfAFinishedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
