package org.centerline.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository is, and in it the jars the benchmark runs and the folder it writes to.
 *
 * @param repoRoot the repository root (holds {@code pom.xml} and {@code bench/})
 */
public record BenchWorkspace(Path repoRoot) {

    /** {@code local-stack/target/local-stack.jar}: the broker and the topics. */
    public Path localStackJar() {
        return repoRoot.resolve("local-stack/target/local-stack.jar");
    }

    /** {@code routing-service/target/routing-service-0.1.0-SNAPSHOT-exec.jar}: the service as shipped. */
    public Path routingJar() {
        return repoRoot.resolve("routing-service/target/routing-service-0.1.0-SNAPSHOT-exec.jar");
    }

    /** {@code bench/target}: the JSON result and the children's logs. */
    public Path targetDir() {
        return repoRoot.resolve("bench/target");
    }

    /** From the running jar ({@code <repo>/bench/target/bench.jar}) if that is how we run, else from the working directory up. */
    public static BenchWorkspace detect() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isEmpty() && !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            Path jar = Path.of(classPath).toAbsolutePath().normalize();
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (isRepo(p)) {
                    return new BenchWorkspace(p);
                }
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRepo(p)) {
                return new BenchWorkspace(p);
            }
        }
        throw new IllegalStateException("cannot find the Centerline repository"
                + " (run from inside it, or as bench/target/bench.jar)");
    }

    /** Fails with the build command when a jar the benchmark runs is missing. */
    public void requireJars() {
        for (Path jar : new Path[] {localStackJar(), routingJar()}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " not found; build with ./mvnw -q -pl bench -am package -DskipTests");
            }
        }
    }

    private static boolean isRepo(Path p) {
        return Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("bench/pom.xml"))
                && Files.isRegularFile(p.resolve("local-stack/pom.xml"));
    }
}
