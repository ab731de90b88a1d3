package io.spineintake.local.backends;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the repository's root directory (the one holding template.yaml and tools/dynalite). */
public final class RepoRoot {

    private RepoRoot() {
    }

    /**
     * The repository root: system property {@code maven.multiModuleProjectDirectory} when it points
     * at it, else the first directory upwards from the working directory that holds template.yaml
     * or tools/dynalite.
     */
    public static Path find() {
        String fromMaven = System.getProperty("maven.multiModuleProjectDirectory");
        if (fromMaven != null && isRoot(Paths.get(fromMaven))) {
            return Paths.get(fromMaven).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a directory with template.yaml or tools/dynalite) above "
                + Paths.get("").toAbsolutePath());
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml"))
                && (Files.isRegularFile(dir.resolve("template.yaml")) || Files.isDirectory(dir.resolve("tools/dynalite")));
    }
}
