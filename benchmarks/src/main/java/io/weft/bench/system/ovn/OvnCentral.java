package io.weft.bench.system.ovn;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private OVN control plane: the northbound and southbound ovsdb-servers, each on its own
 * database file and unix socket (no TCP port at all, so it can never collide with anything on the
 * machine), and ovn-northd between them. Everything lives in {@code runDir} and runs in {@code
 * namespace}, which the caller's lab removes with every process in it even if this JVM dies.
 */
public final class OvnCentral implements AutoCloseable {

    static final Path NB_SCHEMA = Path.of("/usr/share/ovn/ovn-nb.ovsschema");
    static final Path SB_SCHEMA = Path.of("/usr/share/ovn/ovn-sb.ovsschema");

    private static final Duration APPCTL_TIMEOUT = Duration.ofSeconds(120);

    private final Path runDir;
    private final List<OvnDaemon> daemons = new ArrayList<>();
    private OvnDaemon northbound;
    private OvnDaemon southbound;
    private OvnDaemon northd;

    private OvnCentral(Path runDir) {
        this.runDir = runDir;
    }

    /** Creates both databases and starts the three daemons; on failure stops what had started. */
    public static OvnCentral start(CommandRunner runner, String namespace, Path runDir) {
        requireNonNull(runner, "runner is null");
        requireNonNull(namespace, "namespace is null");
        OvnCentral central = new OvnCentral(requireNonNull(runDir, "runDir is null"));
        try {
            Files.createDirectories(runDir);
            runner.runChecked("ovsdb-tool", "create", central.nbDatabase().toString(), NB_SCHEMA.toString());
            runner.runChecked("ovsdb-tool", "create", central.sbDatabase().toString(), SB_SCHEMA.toString());
            central.northbound = central.add(
                    startDatabase(runner, namespace, runDir, "ovsdb-nb", central.nbDatabase(), central.nbSocket()));
            central.southbound = central.add(
                    startDatabase(runner, namespace, runDir, "ovsdb-sb", central.sbDatabase(), central.sbSocket()));
            central.northd = central.add(OvnDaemon.start(
                    runner,
                    namespace,
                    runDir,
                    "ovn-northd",
                    "ovn-northd",
                    List.of("--ovnnb-db=unix:" + central.nbSocket(), "--ovnsb-db=unix:" + central.sbSocket())));
            return central;
        } catch (IOException e) {
            central.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            central.close();
            throw e;
        }
    }

    private static OvnDaemon startDatabase(
            CommandRunner runner, String namespace, Path runDir, String name, Path database, Path socket) {
        return OvnDaemon.start(
                runner,
                namespace,
                runDir,
                name,
                "ovsdb-server",
                List.of(database.toString(), "--remote=punix:" + socket));
    }

    private OvnDaemon add(OvnDaemon daemon) {
        daemons.add(daemon);
        return daemon;
    }

    public Path nbSocket() {
        return runDir.resolve("nb.sock");
    }

    public Path sbSocket() {
        return runDir.resolve("sb.sock");
    }

    Path nbDatabase() {
        return runDir.resolve("nb.db");
    }

    Path sbDatabase() {
        return runDir.resolve("sb.db");
    }

    OvnDaemon northbound() {
        return northbound;
    }

    OvnDaemon southbound() {
        return southbound;
    }

    OvnDaemon northd() {
        return northd;
    }

    /** The database file's size after {@code ovsdb-server/compact}, which rewrites it as a snapshot. */
    static long compactedSize(OvnDaemon server, Path database) {
        server.appctl(APPCTL_TIMEOUT, "ovsdb-server/compact");
        try {
            return Files.size(database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String northdAppctl(String... args) {
        return northd.appctl(APPCTL_TIMEOUT, args);
    }

    /** Stops northd first, so that it never sees a database vanish under it. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).stop();
        }
        daemons.clear();
    }
}
