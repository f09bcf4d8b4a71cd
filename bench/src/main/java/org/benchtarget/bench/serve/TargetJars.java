package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Settings;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where each target's runnable jar (and daemon mode's) is, relative to the benchtarget home (the clone's root). */
public final class TargetJars {
    private static final Map<String, String> JARS = Map.of(
            "undertow", "target-undertow/target/benchtarget-undertow.jar",
            // embedded; container mode runs target-servlet-jetty/target/jetty-base instead (see JettyContainer)
            "jetty", "target-servlet-jetty/target/benchtarget-jetty.jar",
            // Spring Boot's extracted layout (the jar beside lib/), which the class-data archive can cover
            "spring", "target-embedded/target/benchtarget-spring.jar");
    /** Daemon mode's front and supervisor; it also runs backend=undertow backends (the Undertow target is inside). */
    private static final String DAEMON = "daemon/target/benchtarget-daemon.jar";

    private TargetJars() {
    }

    /** Returns the home: {@code -Dbench.home}, else two folders above bench.jar (bench/target/bench.jar). */
    public static Path home() {
        var configured = System.getProperty("bench.home");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            var jar = Path.of(TargetJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the jar that runs these settings: the daemon's for {@code mode=daemon} and ceiling-nginx, else the target's. */
    public static Path jar(Settings settings) {
        return settings.mode() == Mode.DAEMON || Ceilings.isNginx(settings) ? built(DAEMON) : jar(settings.target());
    }

    /**
     * Returns the JVM options that tell a daemon where its backends' jar is: none when the daemon's own jar runs them
     * ({@code backend=undertow}) or when not in daemon mode.
     */
    public static List<String> backendJarOptions(Settings settings) {
        var backend = settings.daemon().backend().knobValue();
        if (settings.mode() != Mode.DAEMON || backend.equals("undertow")) {
            return List.of();
        }
        return List.of("-D" + TargetLauncher.BACKEND_JAR + "=" + jar(backend));
    }

    public static Path jar(String target) {
        var relative = JARS.get(target);
        if (relative == null) {
            throw new BenchException("target " + target + " is not built by this version of benchtarget (known: "
                    + String.join(", ", JARS.keySet()) + ")");
        }
        return built(relative);
    }

    private static Path built(String relative) {
        var jar = home().resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new BenchException("no " + relative + " under " + home() + ": build first (mvn -DskipTests package)");
        }
        return jar;
    }
}
