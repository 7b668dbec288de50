package io.weft.testsupport;

import static java.util.Objects.requireNonNull;

/**
 * Runs a long scenario as named steps, in order, over state the steps share: a failure says which
 * step failed and that the ones before it passed, instead of a line number in a 300-line method.
 * The steps stay in one test because each builds on what the one before made (a tenant's network
 * needs its account, a VM its network); JUnit would run separate test methods even after one failed.
 */
public final class Steps {
    /** One step's body; may throw anything a test may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String scenario;
    private int passed;

    private Steps(String scenario) {
        this.scenario = requireNonNull(scenario, "scenario is null");
    }

    public static Steps of(String scenario) {
        return new Steps(scenario);
    }

    /** Runs {@code body} now; when it fails, throws an {@link AssertionError} naming the step. */
    public Steps step(String name, Step body) {
        requireNonNull(name, "name is null");
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            throw new AssertionError(
                    scenario + ": step " + (passed + 1) + " \"" + name + "\" failed after " + passed + " passed: "
                            + e.getMessage(),
                    e);
        }
        passed++;
        return this;
    }
}
