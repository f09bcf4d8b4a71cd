package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.Cache;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.WallQueries;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.db.DbConfig;

import java.time.Duration;
import java.util.Map;

/**
 * The effective knobs of one running target: immutable, validated by {@link SettingsParser}.
 * {@code effective} holds every knob's value as text for /info and logs, secrets masked.
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
        Map<Knob, String> effective) {

    public Settings {
        effective = Map.copyOf(effective);
    }

    /** Returns the number of backend processes (daemon mode). */
    public int processes() {
        return Integer.parseInt(effective.get(Knob.PROCESSES));
    }

    /** Returns the target each backend runs (daemon mode), e.g. {@code undertow}. */
    public String backend() {
        return effective.get(Knob.BACKEND);
    }

    /** Returns what serves as the front (daemon mode): {@code undertow} or {@code nginx}. */
    public String front() {
        return effective.get(Knob.FRONT);
    }

    /** Returns the accept queue length asked of the kernel (the listen backlog). */
    public int backlog() {
        return Integer.parseInt(effective.get(Knob.BACKLOG));
    }

    /** Returns how many client connections the server holds open at once. */
    public int maxConnections() {
        return Integer.parseInt(effective.get(Knob.MAX_CONNECTIONS));
    }

    /** Returns how long a request may wait for a database connection before it answers 503. */
    public Duration dbPoolTimeout() {
        return SettingsParser.duration(Knob.DB_POOL_TIMEOUT, effective.get(Knob.DB_POOL_TIMEOUT));
    }

    /** Returns a copy listening on another port (tests use 0). */
    public Settings withPort(int newPort) {
        var values = new java.util.EnumMap<>(effective);
        values.put(Knob.PORT, Integer.toString(newPort));
        return new Settings(profile, target, mode, host, newPort, workers, threads, ioThreads, gzip, cache,
                wallQueries, keepalive, db, secret, fixture, shutdownTimeout, surveyDraftTtl, limits, values);
    }
}
