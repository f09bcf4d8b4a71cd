package org.benchtarget.bench.soak;

import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.bench.serve.LocalCassandra;
import org.benchtarget.bench.verify.BadInputChecks;
import org.benchtarget.bench.verify.SecurityChecks;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.survey.ResponseStores;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench soak}: for each profile, starts the target as its own process on the suite's own
 * PostgreSQL (a fresh database each), runs the tests in order and prints one table. The shutdown test
 * ends the target, so it comes last. To add a row from a group of checks, add a line to {@link #tests()}:
 * {@code SoakTest.checks("bad input", "every endpoint x method", "malformed requests", base -> new BadInputChecks(base).checks())}.
 */
public final class SoakSuite {
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private SoakSuite() {
    }

    /** The tests by the name {@code --only} takes, in the order they run against one target. */
    static Map<String, SoakTest> tests() {
        var tests = new LinkedHashMap<String, SoakTest>();
        tests.put("overload", new Overload());
        tests.put("slow-clients", new SlowClients());
        tests.put("surveys", new SurveySoak());
        tests.put("bad-input", SoakTest.checks("bad input", "every endpoint x method, 20 slow clients",
                "malformed, oversized, slow and abandoned requests", base -> new BadInputChecks(base).checks()));
        tests.put("security", SoakTest.checks("security", "sign-ins, forms, walls",
                "tampered tokens, missing CSRF, foreign walls, markup and SQL in fields", base -> new SecurityChecks(base).checks()));
        tests.put("outage", new DatabaseOutage());
        tests.put("shutdown", new GracefulShutdown());
        return tests;
    }

    /** Returns the tests named (all when {@code only} is empty), in the suite's order; an unknown name is refused. */
    public static List<SoakTest> chosen(List<String> only) {
        var all = tests();
        for (var name : only) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no soak test " + name + ": expected " + String.join(", ", all.keySet()));
            }
        }
        return all.entrySet().stream().filter(test -> only.isEmpty() || only.contains(test.getKey())).map(Map.Entry::getValue).toList();
    }

    /** Runs the suite against each profile; returns the rows per profile, printing each table to {@code out} as it completes. */
    public static Map<String, List<SoakRow>> run(List<String> profiles, SoakSizes sizes, List<String> sets, Path dir, PrintStream out)
            throws Exception {
        return run(profiles, chosen(List.of()), sizes, sets, dir, out);
    }

    /** Runs {@code tests} (see {@link #chosen}) against each profile; the rows per profile, each table printed as it completes. */
    public static Map<String, List<SoakRow>> run(List<String> profiles, List<SoakTest> tests, SoakSizes sizes, List<String> sets, Path dir,
                                                 PrintStream out) throws Exception {
        var tables = new LinkedHashMap<String, List<SoakRow>>();
        // one Cassandra node for the profiles that store surveys there without naming a cluster, emptied before each
        boolean wantsNode = profiles.stream().anyMatch(profile -> LocalCassandra.wanted(SettingsParser.parse(profile, Map.of(), sets)));
        var node = wantsNode ? LocalCassandra.start() : null;
        try (var database = SoakDatabase.start(dir.resolve("postgres"))) {
            for (var profile : profiles) {
                var profileSets = new ArrayList<>(sets);
                if (node != null && LocalCassandra.wanted(SettingsParser.parse(profile, Map.of(), sets))) {
                    profileSets.add(LocalCassandra.contactPoint(node));
                }
                var rows = runProfile(profile, tests, sizes, profileSets, database, dir, out);
                tables.put(profile, rows);
                out.println(SoakTable.render(profile, rows));
                out.flush();
            }
        } finally {
            LocalCassandra.stop(node);
        }
        return tables;
    }

    private static List<SoakRow> runProfile(String profile, List<SoakTest> tests, SoakSizes sizes, List<String> extraSets,
                                            SoakDatabase database, Path dir, PrintStream out) throws Exception {
        var planned = SettingsParser.parse(profile, Map.of(), extraSets);
        var db = database.freshDatabase(planned.db().poolSize());
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "inject.headers=on"));
        sets.addAll(SettingsParser.dbKnobs(db));
        sets.addAll(extraSets);
        Settings settings = SettingsParser.parse(profile, Map.of(), sets);
        var cassandra = CassandraSettings.of(settings);
        if (cassandra.enabled()) {
            ResponseStores.truncate(cassandra); // each profile starts from no completed survey, as on its fresh database
        }
        out.println("soak " + profile + ": starting the target on PostgreSQL (port " + database.port() + ") ...");
        try (var process = TargetProcess.start(settings, sets, List.of(), List.of(), dir.resolve("logs").resolve(profile + ".log"), START_LIMIT)) {
            var target = new SoakTarget(profile, URI.create("http://127.0.0.1:" + process.port()), settings.mode() == Mode.DAEMON,
                    Optional.of(process.handle()), db, Optional.of(database), settings.dbPoolTimeout(), settings.shutdownTimeout(), sizes,
                    Optional.of(cassandra).filter(CassandraSettings::enabled));
            var rows = new ArrayList<SoakRow>();
            for (var test : tests) {
                var name = test.name();
                out.println("soak " + profile + ": " + name + " ...");
                out.flush();
                try {
                    rows.addAll(test.run(target));
                } catch (Exception e) {
                    rows.add(SoakRow.failed(name, "-", "-", e));
                }
            }
            return rows;
        }
    }
}
