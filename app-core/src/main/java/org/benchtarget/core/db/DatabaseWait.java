package org.benchtarget.core.db;

import org.benchtarget.core.config.Settings;
import org.benchtarget.core.ops.PortHold;
import org.benchtarget.db.DatabaseUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * db.wait: a start whose database cannot be opened yet (a container started beside its PostgreSQL, a database
 * restarting) retries once a second up to db.wait, holding the port with 503s meanwhile ({@link PortHold}), and logs
 * why in one line, again every 30 s: no crash loop of stack traces. With db.wait=0s the first failure ends the start.
 */
public final class DatabaseWait {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWait.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);
    /** What clients see while the start waits: the log names the database and the driver's reason, clients do not. */
    static final String ANSWER = "starting: the database cannot be reached yet (the server log says why); retry";

    private DatabaseWait() {
    }

    /** Runs {@code start} (which opens the database) until it succeeds, or db.wait has passed. */
    public static <T> T start(Settings settings, Supplier<T> start) {
        try {
            return start.get();
        } catch (DatabaseUnreachableException first) {
            if (settings.dbWait().isZero()) {
                throw first;
            }
            return retry(settings, start, first);
        }
    }

    private static <T> T retry(Settings settings, Supplier<T> start, DatabaseUnreachableException first) {
        long begun = System.nanoTime();
        long deadline = begun + settings.dbWait().toNanos();
        LOG.warn("{}; waiting up to {} (db.wait), answering 503 meanwhile", first.getMessage(), text(settings.dbWait()));
        long nextLog = begun + LOG_EVERY.toNanos();
        var hold = hold(settings);
        try {
            var last = first;
            while (System.nanoTime() - deadline < 0) {
                sleep();
                try {
                    return start.get();
                } catch (DatabaseUnreachableException again) {
                    last = again;
                }
                if (System.nanoTime() - nextLog >= 0) {
                    LOG.warn("still waiting for the database ({} s): {}", Duration.ofNanos(System.nanoTime() - begun).toSeconds(), last.getMessage());
                    nextLog += LOG_EVERY.toNanos();
                }
            }
            throw new DatabaseUnreachableException(last.getMessage() + " (waited " + text(settings.dbWait()) + ", db.wait)");
        } finally {
            if (hold != null) {
                hold.close();
            }
        }
    }

    /** Port 0 (tests) has no port to hold: the real server picks its own later. */
    private static PortHold hold(Settings settings) {
        if (settings.port() == 0) {
            return null;
        }
        try {
            return PortHold.open(settings.host(), settings.port(), ANSWER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port() + " while waiting for the database", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    private static String text(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
