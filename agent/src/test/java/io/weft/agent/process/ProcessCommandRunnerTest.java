package io.weft.agent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void successfulCommandReportsExitCodeZero() {
        CommandResult result = runner.run(Command.of("true"));

        assertThat(result).isEqualTo(new CommandResult(0, "", ""));
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void failingCommandIsReturnedNotThrownByRun() {
        CommandResult result = runner.run(Command.of("false"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void runCheckedThrowsWithCommandExitCodeAndStderr() {
        assertThatThrownBy(() -> runner.runChecked("ls", "/weft-no-such-path"))
                .isInstanceOfSatisfying(CommandFailedException.class, failure -> {
                    assertThat(failure.command()).containsExactly("ls", "/weft-no-such-path");
                    assertThat(failure.exitCode()).isNotZero();
                    assertThat(failure.stderr()).contains("weft-no-such-path");
                    assertThat(failure.timedOut()).isFalse();
                    assertThat(failure.getMessage()).contains("ls /weft-no-such-path exited with");
                });
    }

    @Test
    void stdinIsFedToTheProcessAndStdoutCaptured() {
        CommandResult result = runner.runChecked(Command.of("cat").withStdin("flows\nmore flows\n"));

        assertThat(result.stdout()).isEqualTo("flows\nmore flows\n");
    }

    @Test
    void largeOutputOnBothStreamsDoesNotDeadlock() {
        byte[] megabyte = new byte[1 << 20];
        java.util.Arrays.fill(megabyte, (byte) 'x');

        CommandResult result = runner.runChecked(
                Command.of("tee", "/dev/stderr").withStdin(megabyte).withTimeout(Duration.ofSeconds(20)));

        assertThat(result.stdout()).hasSize(megabyte.length);
        assertThat(result.stderr()).hasSize(megabyte.length);
    }

    @Test
    void extraEnvironmentReachesTheProcess() {
        CommandResult result =
                runner.runChecked(Command.of("printenv", "OVS_RUNDIR").withEnvironment(Map.of("OVS_RUNDIR", "/run/x")));

        assertThat(result.stdout()).isEqualTo("/run/x\n");
    }

    @Test
    void commandExceedingItsTimeoutIsKilledAndReportedAsTimedOut() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> runner.run(Command.of("sleep", "30").withTimeout(Duration.ofMillis(300))))
                .isInstanceOfSatisfying(CommandFailedException.class, failure -> {
                    assertThat(failure.timedOut()).isTrue();
                    assertThat(failure.exitCode()).isEqualTo(CommandFailedException.NO_EXIT_CODE);
                    assertThat(failure.command()).containsExactly("sleep", "30");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void missingExecutableIsACommandFailure() {
        assertThatThrownBy(() -> runner.run(Command.of("weft-no-such-binary")))
                .isInstanceOfSatisfying(CommandFailedException.class, failure -> assertThat(failure.command())
                        .containsExactly("weft-no-such-binary"));
    }

    @Test
    void everyInvocationIsCountedWhateverItsOutcome() {
        runner.run(Command.of("true"));
        runner.run(Command.of("false"));
        try {
            runner.run(Command.of("weft-no-such-binary"));
        } catch (CommandFailedException expected) {
            // counted all the same
        }

        assertThat(runner.invocationCount()).isEqualTo(3);
    }

    @Test
    void namespacedCommandIsPrefixedWithIpNetnsExec() {
        Command command = Command.of("ovs-vsctl", "show").inNamespace("wl1n1-hv1");

        assertThat(command.effectiveArgv()).isEqualTo(List.of("ip", "netns", "exec", "wl1n1-hv1", "ovs-vsctl", "show"));
        assertThat(Command.of("true").effectiveArgv()).containsExactly("true");
    }
}
