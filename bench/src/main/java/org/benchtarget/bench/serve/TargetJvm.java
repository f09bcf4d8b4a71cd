package org.benchtarget.bench.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM a target runs in: the same java that runs bench (the launcher picked a JDK 21+), with
 * memory options sized for a small target: a benchmark should report them, not inherit defaults
 * that depend on the machine (a JVM that sees one CPU picks SerialGC anyway).
 */
public final class TargetJvm {
    /**
     * A small heap and bounded off-heap memory. 128 MB, not 64: on the embedded H2 the heap also holds
     * the database (users, walls, surveys), and Jetty and Spring ran out of a 64 MB heap at c=375.
     * An OutOfMemoryError ends the JVM instead of leaving it wedged (a supervisor restarts it).
     */
    public static final List<String> MEMORY = List.of(
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Xms32m",
            "-Xmx128m",
            "-Xss512k",
            "-XX:MaxDirectMemorySize=32m",
            "-XX:ReservedCodeCacheSize=40m",
            "-XX:MaxMetaspaceSize=96m");

    /** glibc's per-thread malloc arenas add tens of MB of RSS to a JVM with many threads; two suffice. */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private TargetJvm() {
    }

    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Returns the JVM options for the running JDK without a class-data archive, then {@code extra}. */
    public static List<String> options(List<String> extra) {
        var options = new ArrayList<>(MEMORY);
        options.addAll(jdkSpecific());
        options.addAll(extra);
        return options;
    }

    /** Returns the JVM options for the running JDK with the jar's startup cache, then {@code extra} (which win). */
    public static List<String> options(StartupCache cache, List<String> extra) {
        var options = new ArrayList<>(MEMORY);
        options.addAll(cache.options());
        options.addAll(jdkSpecific());
        options.addAll(extra);
        return options;
    }

    private static List<String> jdkSpecific() {
        var options = new ArrayList<String>();
        int feature = Runtime.version().feature();
        if (feature >= 24) {
            // jboss-threads (Undertow) still uses sun.misc.Unsafe; JDK 24+ warns on every start without this.
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (feature >= 22) {
            // Gives freed native memory (buffers of a load's many connections, compiler arenas) back to the OS:
            // RSS after a c=500 load on H2 161 -> 145 MB, throughput unchanged. Experimental before 22.
            options.add("-XX:TrimNativeHeapInterval=2000");
        }
        if (feature >= 25) {
            options.add("-XX:+UseCompactObjectHeaders");
        }
        return options;
    }
}
