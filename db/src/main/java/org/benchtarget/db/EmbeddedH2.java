package org.benchtarget.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the embedded default database keeps its data: an H2 file in a temporary folder of this process
 * ({@code benchtarget-h2-PID-*}), deleted when the process ends, or by the next start if it was killed. In memory ({@code jdbc:h2:mem:}) every stored row would live on the target's heap: a survey load
 * completes thousands of surveys a minute and filled a 128 MB heap within minutes. On file, H2 keeps only its page
 * cache on the heap (a share of -Xmx) and the data set stays small enough (ten rows for /db, the seeded users and
 * surveys) to be served from that cache.
 *
 * <p>Both the database and its files outlive the target's graceful stop: H2 would otherwise close the database in a
 * shutdown hook of its own, beside the one that drains in-flight requests, and answer them 500 (a container stopped
 * under load did). The files are deleted by {@link java.io.File#deleteOnExit()}, which the JVM runs after every
 * shutdown hook has finished.
 */
public final class EmbeddedH2 {
    /** The files H2 2.x keeps for a database: the store, and the trace it writes on errors. */
    private static final List<String> FILE_SUFFIXES = List.of(".mv.db", ".trace.db");
    private static final String PREFIX = "benchtarget-h2-";
    private static Path folder;

    private EmbeddedH2() {
    }

    /** Returns the JDBC URL of the database {@code name} in this process's folder, made on first use. */
    public static synchronized String fileUrl(String name) {
        if (folder == null) {
            folder = createFolder();
        }
        var base = folder.resolve(name);
        // deleted in reverse order of registration: the files first, the folder (registered when made) last
        for (var suffix : FILE_SUFFIXES) {
            base.resolveSibling(name + suffix).toFile().deleteOnExit();
        }
        // DB_CLOSE_DELAY=-1: open while the process lives, as the in-memory default was, whatever the pool does;
        // DB_CLOSE_ON_EXIT=FALSE: not closed under the requests a graceful stop is still answering.
        return "jdbc:h2:file:" + base + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Deletes the folders that processes no longer alive left in {@code tmp}: deleteOnExit does not run for a target
     * ended by SIGKILL (a crash test, an OOM kill), and a survey load writes hundreds of MB there. The folder's name
     * carries its process's pid; a pid alive again (reused) keeps its folder, which is only a missed sweep. Processes
 * that share this tmp must share a pid namespace (a container has its own /tmp: the image mounts a tmpfs there).
     */
    static void sweepStale(Path tmp) {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (var folder : entries.toList()) {
                var name = folder.getFileName().toString();
                var pid = name.startsWith(PREFIX) ? name.substring(PREFIX.length()).split("-", 2)[0] : "";
                if (pid.matches("[0-9]{1,10}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty() && Files.isDirectory(folder)) {
                    deleteQuietly(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // another process sweeping at the same time, or an unreadable tmp: the next start sweeps again
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // gone already, or not ours to delete
        }
    }

    /** Returns the folder the files live in, for tests; null before the first use. */
    static synchronized Path folder() {
        return folder;
    }

    private static Path createFolder() {
        try {
            var tmp = Path.of(System.getProperty("java.io.tmpdir"));
            sweepStale(tmp);
            var made = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
            made.toFile().deleteOnExit();
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the embedded H2 database under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }
}
