package io.weft.it.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides, in one place, whether the external-client tests may run. Without the Debian packaged
 * clients they skip; with {@code WEFT_REQUIRE_CLIENTS=1} (set by CI) a missing client fails the test
 * instead, so that a green build cannot hide a client that never ran.
 */
final class ClientPrerequisites {
    static final String REQUIRE_VARIABLE = "WEFT_REQUIRE_CLIENTS";

    /**
     * The system Python, not whichever {@code python3} is first on the PATH: the Debian packages
     * install their modules for this one only.
     */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    static final Path ANSIBLE_PLAYBOOK = Path.of("/usr/bin/ansible-playbook");

    /** Each importable module with the Debian package that provides it. */
    static final Map<String, String> PACKAGES = Map.of(
            "cs", "python3-cs",
            "libcloud", "python3-libcloud",
            "boto3", "python3-boto3",
            "ansible_collections.ngine_io.cloudstack", "ansible",
            "ansible_collections.amazon.aws", "ansible");

    private ClientPrerequisites() {}

    /** Call first in every client test: skips, or fails when the clients are required. */
    static void requireOrSkip(String... pythonModules) {
        List<String> missing = missing(List.of(pythonModules));
        if (missing.isEmpty()) {
            return;
        }
        String message = "external clients unavailable, missing: " + String.join(", ", missing);
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException(message + " (" + REQUIRE_VARIABLE + "=1)");
        }
        Assumptions.abort(message);
    }

    /** Ansible's playbook runner and the modules its playbooks and their modules import. */
    static void requireAnsibleOrSkip(String... pythonModules) {
        if (!Files.isExecutable(ANSIBLE_PLAYBOOK)) {
            String message = "external clients unavailable, missing: " + ANSIBLE_PLAYBOOK + " (Debian package ansible)";
            if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
                throw new IllegalStateException(message + " (" + REQUIRE_VARIABLE + "=1)");
            }
            Assumptions.abort(message);
        }
        requireOrSkip(pythonModules);
    }

    private static List<String> missing(List<String> modules) {
        if (!Files.isExecutable(PYTHON)) {
            return List.of(PYTHON + " (Debian package python3)");
        }
        List<String> missing = new ArrayList<>();
        for (String module : modules) {
            if (!importable(module)) {
                missing.add("Python module " + module + " (Debian package " + PACKAGES.getOrDefault(module, "?") + ")");
            }
        }
        return missing;
    }

    private static boolean importable(String module) {
        try {
            return ClientProcess.run(
                                    List.of(PYTHON.toString(), "-c", "import " + module),
                                    Map.of(),
                                    Path.of(System.getProperty("java.io.tmpdir")),
                                    Duration.ofSeconds(30))
                            .exitCode()
                    == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
