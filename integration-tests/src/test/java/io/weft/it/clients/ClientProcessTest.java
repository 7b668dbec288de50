package io.weft.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientProcessTest {
    @TempDir
    Path workDir;

    @Test
    void keepsStdoutAndStderrInOrderWithTheExitCodeAndEnvironment() throws Exception {
        ClientProcess.Outcome outcome = ClientProcess.run(
                List.of("/bin/sh", "-c", "echo out $GREETING; echo err >&2; exit 3"),
                Map.of("GREETING", "hello"),
                workDir,
                Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.output()).isEqualTo("out hello\nerr\n");
        assertThat(outcome.report()).contains("exit code 3", "out hello", "err");
    }

    @Test
    void aClientThatOutlivesItsTimeoutIsKilledAndSaysSo() throws Exception {
        ClientProcess.Outcome outcome = ClientProcess.run(
                List.of("/bin/sh", "-c", "echo started; exec sleep 60"), Map.of(), workDir, Duration.ofMillis(500));

        assertThat(outcome.exitCode()).isEqualTo(-1);
        assertThat(outcome.output()).contains("started", "killed after");
    }
}
