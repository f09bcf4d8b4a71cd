package org.benchtarget.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image under test, built once per test JVM (every IT class of the build shares it) by {@code deploy/build-images
 * --base local}, the offline form: Debian's packages and a jlink runtime of the machine's JDK 25, no registry. The
 * jars are the ones this build packaged. The image is removed when the JVM exits; the base stays for the next build.
 */
final class Images {
    static final Path HOME = Path.of(System.getProperty("benchtarget.home", "..")).toAbsolutePath().normalize();
    static final String TAG = "localhost/benchtarget:it-" + ProcessHandle.current().pid();
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
    private static String built;
    /** The commit the image was built from (its org.opencontainers.image.revision label). */
    static String revision;
    private static AssertionError failed;

    private Images() {
    }

    /** Returns the image's name, building it on the first call; skips the test where podman cannot run. */
    static synchronized String target() throws IOException {
        Podman.assumeAvailable();
        if (failed != null) {
            throw failed;
        }
        if (built == null) {
            var log = HOME.resolve("deploy/target/build-images.log");
            Files.createDirectories(log.getParent());
            revision = Podman.exec(List.of("git", "-C", HOME.toString(), "rev-parse", "HEAD"), Map.of(), Duration.ofSeconds(30), null).output().strip();
            var command = new ArrayList<>(List.of(HOME.resolve("deploy/build-images").toString(), "--base", "local", "--no-package", "--tag", TAG));
            var env = Map.of("PODMAN", String.join(" ", Podman.COMMAND), "PODMAN_BUILD_OPTS", String.join(" ", Podman.LIMITS));
            var result = Podman.exec(command, env, BUILD_TIMEOUT, log);
            if (result.exit() != 0) {
                failed = new AssertionError("deploy/build-images failed (exit " + result.exit() + ", log " + log + "):\n" + tail(result.output()));
                throw failed;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Podman.run(Duration.ofMinutes(2), "rmi", "--force", TAG);
                } catch (IOException ignored) {
                    // the next build's image has another tag
                }
            }));
            var size = result.output().lines().reduce((a, b) -> b).orElse("");
            System.out.printf("deploy: built %s in %d s (%s)%n", TAG, result.took().toSeconds(), size);
            built = TAG;
        }
        return built;
    }

    private static String postgres;
    private static String cassandra;

    /** PostgreSQL from Debian's package (build-images --postgres-only), for the manifests' StatefulSet under kube play. */
    static synchronized String postgres() throws IOException {
        target();
        if (postgres == null) {
            postgres = buildAlone("--postgres-only", "localhost/benchtarget-postgres:it-" + ProcessHandle.current().pid(), "postgres");
        }
        return postgres;
    }

    /** The Cassandra image (build-images --cassandra-only): cassandra-node's node on JDK 17; needs no benchtarget image. */
    static synchronized String cassandra() throws IOException {
        Podman.assumeAvailable();
        if (cassandra == null) {
            cassandra = buildAlone("--cassandra-only", "localhost/benchtarget-cassandra:it-" + ProcessHandle.current().pid(), "cassandra");
        }
        return cassandra;
    }

    /** Builds one of the database images alone ({@code option}) as {@code tag}, removed when the JVM exits. */
    private static String buildAlone(String option, String tag, String name) throws IOException {
        var log = HOME.resolve("deploy/target/build-images-" + name + ".log");
        Files.createDirectories(log.getParent());
        var command = List.of(HOME.resolve("deploy/build-images").toString(), option, "--tag", tag);
        var env = Map.of("PODMAN", String.join(" ", Podman.COMMAND), "PODMAN_BUILD_OPTS", String.join(" ", Podman.LIMITS));
        var result = Podman.exec(command, env, BUILD_TIMEOUT, log);
        if (result.exit() != 0) {
            throw new AssertionError("deploy/build-images " + option + " failed (exit " + result.exit() + ", log " + log + "):\n" + tail(result.output()));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Podman.run(Duration.ofMinutes(2), "rmi", "--force", tag);
            } catch (IOException ignored) {
                // the next build's image has another tag
            }
        }));
        return tag;
    }

    private static String tail(String output) {
        var lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
