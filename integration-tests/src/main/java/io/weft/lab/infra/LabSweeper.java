package io.weft.lab.infra;

import io.weft.agent.process.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes what crashed lab runs left behind: namespaces (with every process inside them) and
 * directories whose names carry a {@link LabId}. Only labs whose owner JVM is gone are touched, so
 * that sweeping never pulls the floor from under a lab another test JVM is using.
 */
public final class LabSweeper {

    private LabSweeper() {}

    /** Sweeps every lab whose owner process no longer runs. Returns the namespaces removed. */
    public static List<String> sweepAbandoned(CommandRunner runner) {
        return sweep(runner, id -> !HostProcesses.isRunning(id.ownerPid()));
    }

    static List<String> sweep(CommandRunner runner, Predicate<LabId> abandoned) {
        NetworkNamespaces namespaces = new NetworkNamespaces(runner);
        List<String> removed = namespaces.list().stream()
                .filter(name -> LabId.parse(name).filter(abandoned).isPresent())
                .toList();
        removed.forEach(namespaces::destroy);
        labDirectories().stream()
                .filter(dir -> LabId.parse(dir.getFileName().toString())
                        .filter(abandoned)
                        .isPresent())
                .forEach(LabSweeper::deleteRecursively);
        return removed;
    }

    private static List<Path> labDirectories() {
        if (!Files.isDirectory(Lab.ROOT)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(Lab.ROOT)) {
            return children.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
