package io.weft.it.clients;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one playbook under {@code clients/ansible} with Debian's {@code ansible-playbook}, on the
 * inventory there (localhost, local connection, the system Python), with Ansible's temporary
 * files in the test's own directory.
 */
final class AnsiblePlaybook {
    static final Duration TIMEOUT = Duration.ofSeconds(150);
    static final String HOST = "localhost";

    private final Path playbook;
    private final Map<String, String> environment;
    private final Path workDir;

    /** One run: what the process left, and its recap line for localhost if it got that far. */
    record Run(ClientProcess.Outcome outcome, Optional<PlayRecap> recap) {
        Run {
            requireNonNull(outcome, "outcome is null");
            requireNonNull(recap, "recap is null");
        }

        /** The run ended normally, with no task failed (ignored failures included). */
        Run assertClean() {
            assertThat(outcome.succeeded()).as(outcome.report()).isTrue();
            assertThat(recap).as(outcome.report()).hasValueSatisfying(r -> assertThat(r.clean())
                    .as("recap %s in\n%s", r, outcome.report())
                    .isTrue());
            return this;
        }

        int changed() {
            return recap.orElseThrow().changed();
        }
    }

    AnsiblePlaybook(String playbook, Map<String, String> environment, Path workDir) throws IOException {
        this.playbook = ClientFiles.ansible(playbook);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        Files.createDirectories(workDir.resolve("ansible-tmp"));
    }

    /** Runs the playbook once; each extra variable is {@code name=value}. */
    Run run(String... extraVariables) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ClientPrerequisites.ANSIBLE_PLAYBOOK.toString(),
                "-i",
                ClientFiles.ansible("inventory.ini").toString(),
                playbook.toString()));
        for (String variable : extraVariables) {
            command.add("-e");
            command.add(variable);
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        // One process per task instead of copying each module to a temporary directory first.
        env.put("ANSIBLE_PIPELINING", "1");
        env.put("ANSIBLE_LOCAL_TEMP", workDir.resolve("ansible-tmp").toString());
        env.put("ANSIBLE_REMOTE_TEMP", workDir.resolve("ansible-tmp").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        ClientProcess.Outcome outcome = ClientProcess.run(command, env, workDir, TIMEOUT);
        return new Run(outcome, PlayRecap.of(outcome.output(), HOST));
    }
}
