package org.benchtarget.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The java that runs the node: Cassandra 5.0 runs on JDK 11 or 17 only (the targets run on 21+). In order:
 * {@code BENCH_CASSANDRA_JAVA} (a java executable), this JVM when it is 11 or 17, a JDK 17 or 11 under
 * {@code /usr/lib/jvm}, else {@code java} on the PATH.
 */
final class NodeJava {
    static final String ENV = "BENCH_CASSANDRA_JAVA";

    private NodeJava() {
    }

    static Path find() throws IOException {
        var fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        var version = Runtime.version().feature();
        if (version == 17 || version == 11) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        var jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            for (var wanted : new String[]{"17", "11"}) {
                try (Stream<Path> homes = Files.list(jvms)) {
                    var found = homes.filter(home -> home.getFileName().toString().matches(".*\\D" + wanted + "(\\D.*)?"))
                            .map(home -> home.resolve("bin/java"))
                            .filter(Files::isExecutable)
                            .min(Comparator.naturalOrder());
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        return Path.of("java");
    }
}
