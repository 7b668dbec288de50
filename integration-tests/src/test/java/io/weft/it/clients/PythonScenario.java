package io.weft.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one of the scenario scripts under {@code clients/python} with the system Python. A script
 * prints {@code PASS <step>}, {@code FAIL <step>: ...} or {@code SKIP <step>} per step and exits
 * non-zero when any step did not pass (see {@code steps.py}).
 */
final class PythonScenario {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private PythonScenario() {}

    static ClientProcess.Outcome run(String script, Map<String, String> environment, Path workDir) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("PYTHONUNBUFFERED", "1");
        // The scripts live in target/test-classes; no __pycache__ beside them.
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        return ClientProcess.run(
                List.of(
                        ClientPrerequisites.PYTHON.toString(),
                        ClientFiles.python(script).toString()),
                env,
                workDir,
                TIMEOUT);
    }

    /** The steps the run printed as passed. */
    static Set<String> passedSteps(ClientProcess.Outcome outcome) {
        return outcome.output()
                .lines()
                .filter(line -> line.startsWith("PASS "))
                .map(line -> line.substring("PASS ".length()))
                .collect(Collectors.toSet());
    }

    /** Each named step passed; the failure message carries the whole run. */
    static void assertStepsPassed(ClientProcess.Outcome outcome, String... steps) {
        assertThat(passedSteps(outcome))
                .as("steps that passed in:\n%s", outcome.report())
                .containsAll(Arrays.asList(steps));
    }

    /** The whole scenario passed: every step, and the script's exit code. */
    static void assertScenarioPassed(ClientProcess.Outcome outcome) {
        assertThat(outcome.succeeded()).as(outcome.report()).isTrue();
    }
}
