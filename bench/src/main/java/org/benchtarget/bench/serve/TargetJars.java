package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where each target's runnable jar is, relative to the benchtarget home (the clone's root). */
public final class TargetJars {
    private static final Map<String, String> JARS = Map.of(
            "undertow", "target-undertow/target/benchtarget-undertow.jar",
            // embedded; container mode runs target-servlet-jetty/target/jetty-base instead (see JettyContainer)
            "jetty", "target-servlet-jetty/target/benchtarget-jetty.jar",
            // Spring Boot's extracted layout (the jar beside lib/), which the class-data archive can cover
            "spring", "target-embedded/target/benchtarget-spring.jar");

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

    public static Path jar(String target) {
        var relative = JARS.get(target);
        if (relative == null) {
            throw new BenchException("target " + target + " is not built by this version of benchtarget (known: "
                    + String.join(", ", JARS.keySet()) + ")");
        }
        var jar = home().resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new BenchException("no " + relative + " under " + home() + ": build first (mvn -DskipTests package)");
        }
        return jar;
    }
}
