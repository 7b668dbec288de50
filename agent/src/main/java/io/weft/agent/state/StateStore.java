package io.weft.agent.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.Generation;
import io.weft.spec.host.WireEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agent's state on disk, so that a restarted agent knows which generation it applied. Written
 * to a temporary file that is synced and renamed over the old one, so a crash leaves either the
 * old or the new file, never half of one.
 */
public final class StateStore {
    static final String FILE_NAME = "desired-state.json";

    private final Path directory;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public StateStore(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The state last saved, or empty when this host never had one. A corrupt file is an error. */
    public Optional<AgentState> load() {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            StoredState stored = mapper.readValue(file.toFile(), StoredState.class);
            TreeMap<String, DesiredEntry> entries = new TreeMap<>();
            for (WireEntry wire : stored.entries()) {
                DesiredEntry entry = WireEntries.fromWire(wire);
                entries.put(entry.key(), entry);
            }
            HostDesiredState desired = new HostDesiredState(entries);
            String hash = desired.hash();
            if (!hash.equals(stored.hash())) {
                throw new IllegalStateException(file + " holds a state hashing to " + hash + ", not " + stored.hash());
            }
            return Optional.of(new AgentState(stored.applied(), desired, hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void save(AgentState state) {
        List<WireEntry> entries = state.desired().entries().values().stream()
                .map(WireEntries::toWire)
                .toList();
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(new StoredState(state.applied(), state.hash(), entries));
            Files.createDirectories(directory);
            Path temporary = directory.resolve(FILE_NAME + ".tmp");
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // The rename itself lives in the directory: sync it too, or a power cut may undo it.
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(), e);
        }
    }

    /** The file's shape; the hash is stored so that a damaged file is detected on load. */
    record StoredState(Generation applied, String hash, List<WireEntry> entries) {
        StoredState {
            requireNonNull(applied, "applied is null");
            requireNonNull(hash, "hash is null");
            entries = List.copyOf(requireNonNull(entries, "entries is null"));
        }
    }
}
