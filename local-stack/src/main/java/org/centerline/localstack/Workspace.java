package org.centerline.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository the local stack runs from, so data, logs and service jars have fixed places
 * ({@code <repo>/.centerline}, {@code <repo>/local-stack/target/services}) whatever the working directory.
 *
 * @param repoRoot    the repository root, or the working directory if none was found
 * @param servicesDir where the services' exec jars are
 */
public record Workspace(Path repoRoot, Path servicesDir) {

    /** The default data folder: {@code <repo>/.centerline} (git-ignored). */
    public Path defaultDataDir() {
        return repoRoot.resolve(".centerline");
    }

    /** From the running jar ({@code <repo>/local-stack/target/local-stack.jar}) if that is how we run, else from the working directory up. */
    public static Workspace detect() {
        Path cwd = Path.of("").toAbsolutePath();
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isEmpty() && !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            Path targetDir = Path.of(classPath).toAbsolutePath().normalize().getParent();
            if (targetDir != null) {
                Path module = targetDir.getParent();
                Path repo = module == null ? null : module.getParent();
                return new Workspace(repo != null && isRepo(repo) ? repo : cwd, targetDir.resolve("services"));
            }
        }
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (isRepo(p)) {
                return new Workspace(p, p.resolve("local-stack").resolve("target").resolve("services"));
            }
        }
        return new Workspace(cwd, cwd.resolve("local-stack").resolve("target").resolve("services"));
    }

    private static boolean isRepo(Path p) {
        return Files.isRegularFile(p.resolve("local-stack").resolve("pom.xml")) && Files.isRegularFile(p.resolve("pom.xml"));
    }
}
