package org.benchtarget.bench.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What makes a target jar start fast under {@code bench serve}. On JDK 25+ an AOT cache (JEP 483, 514, 515: the
 * classes loaded and linked, and method profiles) that the jar's first {@code bench serve} records at its exit and
 * every later one uses; before 25 a dynamic CDS archive (AppCDS) that the JVM writes at the first run's exit.
 * First 200 on /hello here (2 cores, unpinned, median of 5): Undertow 1.53 s with AppCDS, 0.90 s with the AOT cache;
 * Jetty 1.66 s and 1.02 s; Spring Boot 2.76 s and 1.50 s.
 * <p>
 * The cache is named for the JDK that wrote it (a cache of another JDK is refused by the JVM, with a warning, and
 * would never be replaced) and is stale once the jar is newer. A recording goes to a file of its own and is moved
 * into place after the target exits: several first runs at once (a cluster's hosts) each write their own.
 */
public final class StartupCache {
    private static final int AOT_FEATURE = 25; // one-step -XX:AOTCacheOutput (JEP 514)

    private final Path jar;
    private final Path cache;
    private final Path recording;

    private StartupCache(Path jar, Path cache, Path recording) {
        this.jar = jar;
        this.cache = cache;
        this.recording = recording;
    }

    /** The cache for {@code jar} on the running JDK: to use when it is there and fresh, else to record by this run. */
    public static StartupCache of(Path jar) {
        if (Runtime.version().feature() < AOT_FEATURE) {
            return new StartupCache(jar, null, null);
        }
        var jdk = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        var cache = jar.resolveSibling(jar.getFileName() + ".jdk-" + jdk + ".aot");
        if (fresh(cache, jar)) {
            return new StartupCache(jar, cache, null);
        }
        return new StartupCache(jar, cache, cache.resolveSibling(cache.getFileName() + ".recording-" + ProcessHandle.current().pid()));
    }

    /**
     * No cache: a ceiling runs another main from a target's jar, and a cache recorded from it would hold the ceiling's
     * classes, not the target's (bench run starts targets without a cache too).
     */
    public static StartupCache none() {
        return new StartupCache(null, null, null);
    }

    /** The JVM options: use the cache, record it, or (before JDK 25) the AppCDS archive. */
    public List<String> options() {
        if (jar == null) {
            return List.of();
        }
        if (cache == null) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + jar + ".jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        if (recording == null) {
            return List.of("-XX:AOTCache=" + cache);
        }
        // the recording's notes (classes it cannot link, the cache written) are not the target's output
        return List.of("-XX:AOTCacheOutput=" + recording, "-Xlog:aot=off", "-Xlog:cds=off");
    }

    /** True when this run records the cache (its stop takes a few seconds more: the JVM writes the cache at exit). */
    public boolean records() {
        return recording != null;
    }

    /**
     * After the target exited with {@code exit}: a complete recording becomes the cache; what a JVM killed with SIGKILL
     * (137) left is removed. A JVM stopped by SIGTERM (143) writes the whole cache before it exits.
     */
    public void keep(int exit) {
        if (recording == null) {
            return;
        }
        try {
            if (exit != 137 && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.move(recording, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(recording);
            Files.deleteIfExists(recording.resolveSibling(recording.getFileName() + ".config"));
        } catch (IOException e) {
            System.err.println("bench: could not keep the AOT cache " + cache + ": " + e.getMessage());
        }
    }

    private static boolean fresh(Path cache, Path jar) {
        try {
            return Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
