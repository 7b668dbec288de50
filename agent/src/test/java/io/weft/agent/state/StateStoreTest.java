package io.weft.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.agent.TestingHosts;
import io.weft.spec.host.Generation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path directory;

    @Test
    void savedStateLoadsBackEqual() {
        StateStore store = new StateStore(directory.resolve("nested"));
        AgentState state = AgentState.of(new Generation(2, 7), TestingHosts.state("10.0.1.1"));
        store.save(state);
        assertEquals(state, store.load().orElseThrow());
    }

    @Test
    void aHostWithoutAFileHasNoState() {
        assertTrue(new StateStore(directory).load().isEmpty());
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporary() throws Exception {
        StateStore store = new StateStore(directory);
        store.save(AgentState.of(new Generation(1, 1), TestingHosts.state("10.0.1.1")));
        AgentState second = AgentState.of(new Generation(1, 2), TestingHosts.state("10.0.1.2"));
        store.save(second);
        assertEquals(second, store.load().orElseThrow());
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
        assertFalse(Files.exists(directory.resolve(StateStore.FILE_NAME + ".tmp")));
    }

    @Test
    void aTamperedFileIsDetected() throws Exception {
        StateStore store = new StateStore(directory);
        store.save(AgentState.of(new Generation(1, 1), TestingHosts.state("10.0.1.1")));
        String text = Files.readString(store.file()).replace("10.0.1.1", "10.0.1.9");
        Files.writeString(store.file(), text);
        assertThrows(IllegalStateException.class, store::load);
    }
}
