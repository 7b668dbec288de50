package io.weft.agent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void commandsWithEqualStdinContentAreEqual() {
        assertThat(Command.of("cat").withStdin("a")).isEqualTo(Command.of("cat").withStdin("a"));
        assertThat(Command.of("cat").withStdin("a").hashCode())
                .isEqualTo(Command.of("cat").withStdin("a").hashCode());
        assertThat(Command.of("cat").withStdin("a"))
                .isNotEqualTo(Command.of("cat").withStdin("b"));
    }

    @Test
    void stdinCannotBeChangedFromOutside() {
        byte[] input = "abc".getBytes(StandardCharsets.UTF_8);
        Command command = Command.of("cat").withStdin(input);
        input[0] = 'X';
        command.stdin()[1] = 'Y';

        assertThat(new String(command.stdin(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }

    @Test
    void environmentAccumulatesAndLaterValuesWin() {
        Command command =
                Command.of("env").withEnvironment(Map.of("A", "1", "B", "2")).withEnvironment(Map.of("B", "3"));

        assertThat(command.environment()).isEqualTo(Map.of("A", "1", "B", "3"));
    }

    @Test
    void emptyArgvAndNonPositiveTimeoutAreRejected() {
        assertThatThrownBy(Command::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.of("true").withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
