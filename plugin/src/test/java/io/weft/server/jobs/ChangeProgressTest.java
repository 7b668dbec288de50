package io.weft.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.dispatch.NotDispatching;
import org.junit.jupiter.api.Test;

class ChangeProgressTest {
    @Test
    void aServerWithoutADispatcherReportsNoProgressRatherThanPendingForever() {
        assertThat(new ChangeProgress(new NotDispatching()).status(42)).isEmpty();
    }
}
