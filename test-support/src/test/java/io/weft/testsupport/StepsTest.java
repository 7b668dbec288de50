package io.weft.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsTest {
    @Test
    void stepsRunInOrderUntilOneFailsAndTheFailureNamesIt() {
        List<String> ran = new ArrayList<>();
        IllegalStateException cause = new IllegalStateException("no network");

        assertThatThrownBy(() -> Steps.of("tenant scenario")
                        .step("create account", () -> ran.add("account"))
                        .step("create network", () -> {
                            ran.add("network");
                            throw cause;
                        })
                        .step("deploy VM", () -> ran.add("vm")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("tenant scenario: step 2 \"create network\" failed after 1 passed: no network")
                .hasCause(cause);
        assertThat(ran).containsExactly("account", "network");
    }
}
