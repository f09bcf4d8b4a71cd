package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.BackendKind;
import org.benchtarget.core.config.Modes.Cache;
import org.benchtarget.core.config.Modes.FrontKind;
import org.benchtarget.core.config.Modes.ProxyKind;
import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.WallQueries;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.fixture.DelaySpec;
import org.benchtarget.core.fixture.FailSpec;
import org.benchtarget.core.fixture.JitActivity;
import org.benchtarget.core.fixture.SpecException;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds {@link Settings} from key=value sources, later sources winning: defaults, then the
 * profile, then environment variables ({@code BENCH_GZIP=on}), then {@code --set gzip=on}.
 * An unknown or repeated key, a bad value or a contradictory pair throws
 * {@link SettingsException} with one line naming the knob. Modelled on Caffeine's CaffeineSpec.
 */
public final class SettingsParser {
    /** A JIT that compiles something every 10 minutes is not going to be quiet: a longer period is a mistake. */
    private static final Duration MAX_JIT_QUIET = Duration.ofMinutes(10);
    private static final int MAX_THREADS = 10_000;
    /** Daemon mode: each backend is a JVM of 100+ MiB; more than this is a typo, not a benchmark. */
    private static final int MAX_PROCESSES = 64;

    /** A file descriptor each; past this, a typo rather than a load test. */
    private static final int MAX_CONNECTIONS = 1_000_000;
    private static final int MIN_POOL_TIMEOUT_MILLIS = 250;

    private SettingsParser() {
    }

    /**
     * Parses a target's command line: {@code [PROFILE] [--set key=value | key=value]...}.
     */
    public static Settings fromArgs(List<String> args, Map<String, String> env) {
        String profile = null;
        var sets = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (arg.equals("--set")) {
                if (i + 1 == args.size()) {
                    throw new SettingsException("--set needs key=value");
                }
                sets.add(args.get(++i));
            } else if (arg.startsWith("--set=")) {
                sets.add(arg.substring("--set=".length()));
            } else if (arg.contains("=")) {
                sets.add(arg);
            } else if (profile == null && !arg.startsWith("-")) {
                profile = arg;
            } else {
                throw new SettingsException("unexpected argument '" + arg + "'; usage: [PROFILE] [--set knob=value]...");
            }
        }
        return parse(profile, env, sets);
    }

    /** Parses the named profile (or the default), the environment and {@code key=value} overrides. */
    public static Settings parse(String profileName, Map<String, String> env, List<String> sets) {
        var name = profileName == null ? Profiles.DEFAULT : profileName;
        var values = new LinkedHashMap<Knob, String>();
        for (var knob : Knob.values()) {
            values.put(knob, knob.defaultValue());
        }
        var injections = new TreeMap<String, String>();
        apply(values, injections, Profiles.load(name).knobs(), "profile " + name);
        var fromEnv = new LinkedHashMap<String, String>();
        for (var knob : Knob.values()) {
            var value = env.get(knob.envName());
            if (value != null) {
                fromEnv.put(knob.key(), value);
            }
        }
        apply(values, injections, fromEnv, "environment");
        apply(values, injections, parseSets(sets), "--set");
        return build(name, values, injections);
    }

    /** Returns the {@code --set} values that point a target at {@code db}. */
    public static List<String> dbKnobs(DbConfig db) {
        return List.of("db=" + db.kind().knobValue(), "db.url=" + db.url(), "db.user=" + db.user(),
                "db.password=" + db.password(), "db.pool=" + db.poolSize());
    }

    private static Map<String, String> parseSets(List<String> sets) {
        var parsed = new LinkedHashMap<String, String>();
        for (var set : sets) {
            int eq = set.indexOf('=');
            if (eq < 1) {
                throw new SettingsException("--set " + set + ": expected knob=value");
            }
            var key = set.substring(0, eq).strip();
            if (parsed.put(key, set.substring(eq + 1).strip()) != null) {
                throw new SettingsException("--set " + key + ": given twice");
            }
        }
        return parsed;
    }

    private static void apply(Map<Knob, String> values, Map<String, String> injections, Map<String, String> source, String where) {
        source.forEach((key, value) -> {
            if (Knob.isInjectionKey(key)) {
                injections.put(key, value);
                return;
            }
            var knob = Knob.byKey(key).orElseThrow(() -> new SettingsException(
                    where + ": unknown knob '" + key + "'; known: "
                            + String.join(", ", Arrays.stream(Knob.values()).map(Knob::key).toList())));
            values.put(knob, value);
        });
    }

    private static Settings build(String profile, Map<Knob, String> values, Map<String, String> injections) {
        for (var knob : Knob.values()) {
            var value = values.get(knob);
            if (!knob.allowed().isEmpty() && !knob.allowed().contains(value)) {
                throw new SettingsException(knob.key() + "=" + value + ": expected one of " + String.join(", ", knob.allowed()));
            }
        }
        if (values.get(Knob.TARGET).equals("nginx") && !values.get(Knob.MODE).equals("ceiling")) {
            throw new SettingsException("target=nginx: nginx runs only as the reference ceiling (profile ceiling-nginx), not mode="
                    + values.get(Knob.MODE));
        }
        var daemon = new DaemonSettings(integer(values, Knob.PROCESSES, 1, MAX_PROCESSES),
                Modes.fromKnob(BackendKind.class, values.get(Knob.BACKEND)), Modes.fromKnob(FrontKind.class, values.get(Knob.FRONT)),
                Modes.fromKnob(ProxyKind.class, values.get(Knob.PROXY)),
                Modes.fromKnob(ProxyProtocol.class, values.get(Knob.PROXY_PROTOCOL)),
                positive(duration(values, Knob.PROXY_TIMEOUT), Knob.PROXY_TIMEOUT, values));
        int backlog = integer(values, Knob.BACKLOG, 1, 65_535);
        int maxConnections = integer(values, Knob.MAX_CONNECTIONS, 1, MAX_CONNECTIONS);
        var dbPoolTimeout = duration(values, Knob.DB_POOL_TIMEOUT);
        if (dbPoolTimeout.toMillis() < MIN_POOL_TIMEOUT_MILLIS) {
            throw new SettingsException(Knob.DB_POOL_TIMEOUT.key() + "=" + values.get(Knob.DB_POOL_TIMEOUT)
                    + ": expected at least " + MIN_POOL_TIMEOUT_MILLIS + "ms (HikariCP's minimum)");
        }
        var db = dbConfig(values);
        CassandraSettings.parse(values); // only to refuse a bad cassandra.* knob at start; Surveys reads them
        TlsSettings.parse(values); // likewise tls.*, http2: App and the adapters read them
        var effective = new EnumMap<Knob, String>(Knob.class);
        effective.putAll(values);
        effective.put(Knob.DB_URL, db.url());
        effective.put(Knob.DB_USER, db.user());
        effective.put(Knob.DB_PASSWORD, db.password().isEmpty() ? "" : "(set)");
        effective.put(Knob.SECRET, values.get(Knob.SECRET).isEmpty() ? "(database)" : "(set)");
        effective.put(Knob.WINDOW_TOKEN, values.get(Knob.WINDOW_TOKEN).isEmpty() ? "" : "(set)");
        var fixture = fixture(values, injections);
        return new Settings(
                profile,
                values.get(Knob.TARGET),
                Modes.fromKnob(Mode.class, values.get(Knob.MODE)),
                host(values.get(Knob.HOST)),
                integer(values, Knob.PORT, 0, 65_535),
                Modes.fromKnob(Workers.class, values.get(Knob.WORKERS)),
                integer(values, Knob.THREADS, 1, MAX_THREADS),
                integer(values, Knob.IO_THREADS, 1, 256),
                values.get(Knob.GZIP).equals("on"),
                Modes.fromKnob(Cache.class, values.get(Knob.CACHE)),
                Modes.fromKnob(WallQueries.class, values.get(Knob.WALL_QUERIES)),
                values.get(Knob.KEEPALIVE).equals("on"),
                db,
                values.get(Knob.SECRET),
                fixture,
                duration(values, Knob.SHUTDOWN_TIMEOUT),
                positive(duration(values, Knob.SURVEY_DRAFT_TTL), Knob.SURVEY_DRAFT_TTL, values),
                limits(values),
                backlog,
                maxConnections,
                dbPoolTimeout,
                duration(values, Knob.DB_WAIT),
                daemon,
                effective);
    }

    private static RequestLimits limits(Map<Knob, String> values) {
        // Below 1 KiB of head a browser's ordinary request no longer fits; below 4 KiB of body not even a wall post.
        return new RequestLimits(integer(values, Knob.REQUEST_MAX_HEADER, 1024, 1024 * 1024),
                integer(values, Knob.REQUEST_MAX_BODY, 4096, 64 * 1024 * 1024),
                positive(duration(values, Knob.REQUEST_IDLE_TIMEOUT), Knob.REQUEST_IDLE_TIMEOUT, values));
    }

    private static DbConfig dbConfig(Map<Knob, String> values) {
        var kind = Modes.fromKnob(DbKind.class, values.get(Knob.DB));
        var url = values.get(Knob.DB_URL);
        int pool = integer(values, Knob.DB_POOL, 1, 1_000);
        if (kind == DbKind.H2) {
            url = url.isEmpty() ? DbConfig.DEFAULT_H2_URL : url;
            if (!url.startsWith("jdbc:h2:")) {
                throw new SettingsException("db.url=" + url + " does not fit db=h2 (expected jdbc:h2:...)");
            }
            var user = values.get(Knob.DB_USER).isEmpty() ? "sa" : values.get(Knob.DB_USER);
            return new DbConfig(kind, url, user, values.get(Knob.DB_PASSWORD), pool);
        }
        url = url.isEmpty() ? "jdbc:postgresql://127.0.0.1:5432/benchtarget" : url;
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new SettingsException("db.url=" + url + " does not fit db=postgres (expected jdbc:postgresql://host:port/name)");
        }
        var user = values.get(Knob.DB_USER).isEmpty() ? "benchtarget" : values.get(Knob.DB_USER);
        var password = values.get(Knob.DB_PASSWORD).isEmpty() && values.get(Knob.DB_USER).isEmpty()
                ? "benchtarget" : values.get(Knob.DB_PASSWORD);
        return new DbConfig(kind, url, user, password, pool);
    }

    private static FixtureSettings fixture(Map<Knob, String> values, Map<String, String> injections) {
        var maxDelay = duration(values, Knob.INJECT_MAX_DELAY);
        for (var entry : injections.entrySet()) {
            try {
                if (entry.getKey().startsWith("inject.delay.")) {
                    DelaySpec.parse(entry.getValue(), maxDelay);
                } else {
                    FailSpec.parse(entry.getValue());
                }
            } catch (SpecException e) {
                throw new SettingsException(entry.getKey() + "=" + entry.getValue() + ": " + e.getMessage());
            }
        }
        long seed;
        try {
            seed = Long.parseLong(values.get(Knob.INJECT_SEED));
        } catch (NumberFormatException e) {
            throw new SettingsException("inject.seed=" + values.get(Knob.INJECT_SEED) + ": expected a whole number");
        }
        return new FixtureSettings(values.get(Knob.MANIFEST).equals("on"), values.get(Knob.SERVER_TIMING).equals("on"),
                values.get(Knob.INJECT_HEADERS).equals("on"), seed, maxDelay, injections,
                values.get(Knob.WINDOW_TOKEN), integer(values, Knob.WARMUP, 0, 10_000_000), jitQuiet(values),
                values.get(Knob.WARMUP_WHEN).equals("any"), values.get(Knob.SERVED_BY).equals("on"));
    }

    private static Duration jitQuiet(Map<Knob, String> values) {
        var quiet = duration(values, Knob.WARMUP_JIT_QUIET);
        if (quiet.compareTo(MAX_JIT_QUIET) > 0) {
            throw new SettingsException("warmup.jit-quiet=" + values.get(Knob.WARMUP_JIT_QUIET) + ": expected at most 10m");
        }
        if (!quiet.isZero() && !JitActivity.monitored()) {
            throw new SettingsException("warmup.jit-quiet=" + values.get(Knob.WARMUP_JIT_QUIET)
                    + ": this JVM reports no JIT compilation time (interpreter only, or monitoring off)");
        }
        return quiet;
    }

    private static int integer(Map<Knob, String> values, Knob knob, int min, int max) {
        var text = values.get(knob);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new SettingsException(knob.key() + "=" + text + ": expected a number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SettingsException(knob.key() + "=" + text + ": expected a number from " + min + " to " + max);
        }
    }

    private static Duration duration(Map<Knob, String> values, Knob knob) {
        return duration(knob, values.get(knob));
    }

    /** Parses a duration knob's text (500ms, 10s, 30m, 24h); also what tools read back from /info. */
    public static Duration duration(Knob knob, String text) {
        var matcher = Pattern.compile("(\\d{1,6})(ms|s|m|h)").matcher(text);
        if (!matcher.matches()) {
            throw new SettingsException(knob.key() + "=" + text + ": expected a duration such as 500ms, 10s, 30m or 24h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static Duration positive(Duration duration, Knob knob, Map<Knob, String> values) {
        if (duration.isZero()) {
            throw new SettingsException(knob.key() + "=" + values.get(knob) + ": expected a duration of more than 0, such as 30m or 24h");
        }
        return duration;
    }

    private static String host(String host) {
        if (host.isBlank() || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw new SettingsException("host=" + host + ": expected an address or host name, such as 127.0.0.1 or 0.0.0.0");
        }
        return host;
    }
}
