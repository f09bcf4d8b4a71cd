package org.benchtarget.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the embedded default database keeps its data: an H2 file in a temporary folder of this process, deleted when
 * the process ends. In memory ({@code jdbc:h2:mem:}) every stored row would live on the target's heap: a survey load
 * completes thousands of surveys a minute and filled a 128 MB heap within minutes. On file, H2 keeps only its page
 * cache on the heap (a share of -Xmx) and the data set stays small enough (ten rows for /db, the seeded users and
 * surveys) to be served from that cache.
 */
public final class EmbeddedH2 {
    private static Path folder;

    private EmbeddedH2() {
    }

    /** Returns the JDBC URL of the database {@code name} in this process's folder, made on first use. */
    public static synchronized String fileUrl(String name) {
        if (folder == null) {
            folder = createFolder();
        }
        // DB_CLOSE_DELAY=-1: open while the process lives, as the in-memory default was, whatever the pool does.
        return "jdbc:h2:file:" + folder.resolve(name) + ";DB_CLOSE_DELAY=-1";
    }

    /** Returns the folder the files live in, for tests; null before the first use. */
    static synchronized Path folder() {
        return folder;
    }

    private static Path createFolder() {
        try {
            var made = Files.createTempDirectory("benchtarget-h2-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(made), "embedded-h2-cleanup"));
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the embedded H2 database under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system clears what is left
        }
    }
}
