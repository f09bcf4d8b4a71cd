package org.benchtarget.bench.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM a target runs in: the same java that runs bench (the launcher picked a JDK 21+), with
 * memory options sized for a small target: a benchmark should report them, not inherit defaults
 * that depend on the machine (a JVM that sees one CPU picks SerialGC anyway).
 */
public final class TargetJvm {
    /** Small heap and bounded off-heap: keeps RSS after a c=500 load well under 160 MB. */
    public static final List<String> MEMORY = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmx128m",
            "-Xss512k",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxMetaspaceSize=96m",
            "-XX:TieredStopAtLevel=4");

    private TargetJvm() {
    }

    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Returns the JVM options for the running JDK, then {@code extra} (which win). */
    public static List<String> options(List<String> extra) {
        var options = new ArrayList<>(MEMORY);
        int feature = Runtime.version().feature();
        if (feature >= 24) {
            // jboss-threads (Undertow) still uses sun.misc.Unsafe; JDK 24+ warns on every start without this.
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (feature >= 25) {
            options.add("-XX:+UseCompactObjectHeaders");
        }
        options.add("-Djava.net.preferIPv4Stack=false");
        options.addAll(extra);
        return options;
    }
}
