package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.Cache;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.WallQueries;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.db.DbConfig;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The effective knobs of one running target: immutable, validated by {@link SettingsParser}.
 * Every knob is parsed once, here typed; {@code effective} holds every knob's value as text for /info
 * and logs, secrets masked.
 *
 * @param backlog        the accept queue length asked of the kernel (the listen backlog)
 * @param maxConnections how many client connections the server holds open at once
 * @param dbPoolTimeout  how long a request may wait for a database connection before it answers 503
 * @param dbWait         how long a start waits for a database it cannot open (0: not at all)
 */
public record Settings(
        String profile,
        String target,
        Mode mode,
        String host,
        int port,
        Workers workers,
        int threads,
        int ioThreads,
        boolean gzip,
        Cache cache,
        WallQueries wallQueries,
        boolean keepalive,
        DbConfig db,
        String secret,
        FixtureSettings fixture,
        Duration shutdownTimeout,
        Duration surveyDraftTtl,
        RequestLimits limits,
        int backlog,
        int maxConnections,
        Duration dbPoolTimeout,
        Duration dbWait,
        DaemonSettings daemon,
        Map<Knob, String> effective) {

    public Settings {
        effective = Map.copyOf(effective);
    }

    /** Returns a copy listening on another port (tests use 0). */
    public Settings withPort(int newPort) {
        var values = new EnumMap<>(effective);
        values.put(Knob.PORT, Integer.toString(newPort));
        return new Settings(profile, target, mode, host, newPort, workers, threads, ioThreads, gzip, cache,
                wallQueries, keepalive, db, secret, fixture, shutdownTimeout, surveyDraftTtl, limits, backlog, maxConnections,
                dbPoolTimeout, dbWait, daemon, values);
    }
}
