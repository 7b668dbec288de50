package io.weft.bench.system;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.weft.bench.scenario.Scenario;
import io.weft.server.WeftConfig;
import io.weft.server.WeftServer;
import io.weft.testsupport.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A server data directory holding a loaded scenario, kept between runs under {@code
 * <root>/<shape>-<seed>[-<database>]} so that a cold start or an API measurement can start a server on
 * it without loading again. {@value #LOADED_FILE} is written last and marks a finished load: a
 * directory without it is wiped and loaded again.
 *
 * <p>The broker journal is deleted after the load ({@link #emptyBrokerJournal()}). It holds only the
 * updates the loading server sent to hosts whose agents never ran; a cold start is of the populated
 * database, and agents attached later start from nothing and are sent their whole state.
 *
 * @param loadFigures present when this call loaded the scenario, empty when it reused a directory
 */
public record PopulatedDataDir(
        Path dataDir, BenchDatabase database, LoadedScenario loaded, Optional<ScenarioLoadFigures> loadFigures) {
    public static final String LOADED_FILE = "loaded-scenario.json";
    private static final String FIGURES_FILE = "load-figures.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PopulatedDataDir {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(database, "database is null");
        requireNonNull(loaded, "loaded is null");
        requireNonNull(loadFigures, "loadFigures is null");
    }

    /** The directory for {@code scenario}, reused when a finished load is there, else loaded now. */
    public static PopulatedDataDir ensure(Path root, Scenario scenario, BenchDatabase database, int threads) {
        String name = scenario.shape().name() + "-" + scenario.seed()
                + (database.kind().equals("h2") ? "" : "-" + database.kind());
        Path dataDir = root.resolve(name).toAbsolutePath();
        Path loadedFile = dataDir.resolve(LOADED_FILE);
        if (Files.exists(loadedFile)) {
            return new PopulatedDataDir(dataDir, database, LoadedScenario.read(loadedFile), Optional.empty());
        }
        deleteRecursively(dataDir);
        database.reset();
        ScenarioLoader.Outcome outcome;
        try (WeftServer server = WeftServer.start(
                WeftConfig.of(loadingSettings(dataDir, database).asMap()))) {
            outcome = new ScenarioLoader(server, threads).load(scenario);
        }
        PopulatedDataDir populated =
                new PopulatedDataDir(dataDir, database, outcome.loaded(), Optional.of(outcome.figures()));
        populated.emptyBrokerJournal();
        write(dataDir.resolve(FIGURES_FILE), outcome.figures());
        outcome.loaded().write(loadedFile);
        return populated;
    }

    /**
     * Deletes the embedded broker's journal (and the manager password kept with it, made again at
     * start), so that every server started here begins with no message queued from an earlier one.
     */
    public void emptyBrokerJournal() {
        deleteRecursively(dataDir.resolve("broker"));
    }

    /**
     * The loading server's settings: ephemeral ports, the database, and an ack timeout of an hour.
     * No agent runs while loading, and the default (10 s, doubling to 2 min) would have the
     * dispatcher recompile and resend every host's whole state to nobody, over and over, competing
     * with the load; the database ends the same either way.
     */
    static ServerSettings loadingSettings(Path dataDir, BenchDatabase database) {
        ServerSettings settings = ServerSettings.ephemeral(dataDir)
                .with("dispatch.ackTimeout", "1h")
                .with("dispatch.maxRetryBackoff", "1h");
        database.settings().forEach(settings::with);
        return settings;
    }

    /** The settings of a server on this directory: its database, every port ephemeral. */
    public ServerSettings serverSettings() {
        ServerSettings settings = ServerSettings.ephemeral(dataDir);
        database.settings().forEach(settings::with);
        return settings;
    }

    private static void write(Path file, Object value) {
        try {
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
