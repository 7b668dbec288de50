package io.weft.spec.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the project root from wherever the build or a developer runs us: the root or the module folder. */
public final class ProjectRoot {
    private ProjectRoot() {}

    /** The nearest folder at or above the working directory that holds {@code api-spec/pom.xml}. */
    public static Path find() {
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("api-spec").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root (a folder holding api-spec/pom.xml) at or above " + start);
    }
}
