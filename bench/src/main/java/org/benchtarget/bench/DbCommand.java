package org.benchtarget.bench;

import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.survey.ResponseStores;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench db reset}: re-creates the seed data exactly, on the database a profile's knobs name; {@code bench db
 * count}: how many completed surveys the store holds (bench cluster's failover check, from a load host).
 */
@Command(name = "db", description = "Database commands.", subcommands = {DbCommand.Reset.class, DbCommand.Count.class})
final class DbCommand implements Runnable {

    @Override
    public void run() {
        throw new BenchException("db: say what to do, e.g. bench db reset --set db=postgres --set db.url=...");
    }

    /** The database a profile's knobs name, with --set overrides. */
    abstract static class Knobs {
        @Parameters(arity = "0..1", paramLabel = "PROFILE", description = "profile whose db knobs to use")
        String profile;

        @Option(names = "--set", paramLabel = "KNOB=VALUE", description = "override a knob (db, db.url, db.user, db.password; survey.store, cassandra.*)")
        List<String> sets = new ArrayList<>();

        /** The embedded H2 (db=h2 without db.url, or in memory): it lives inside the target process. */
        static boolean embedded(Settings settings) {
            return settings.db().kind() == DbKind.H2 && settings.db().url().contains(":mem:");
        }
    }

    @Command(name = "count", description = "Count the completed surveys in the store the knobs name (the database, or Cassandra with "
            + "survey.store=cassandra): prints 'stored N, distinct tokens M (STORE)'.")
    static final class Count extends Knobs implements Runnable {
        @Override
        public void run() {
            var settings = SettingsParser.parse(profile, System.getenv(), sets);
            var cassandra = CassandraSettings.of(settings);
            long stored;
            long distinct;
            if (cassandra.enabled()) {
                var rows = ResponseStores.readAll(cassandra);
                stored = rows.size();
                distinct = rows.stream().map(ResponseStores.StoredRow::token).distinct().count();
            } else {
                if (embedded(settings)) {
                    throw new BenchException("the embedded H2 lives inside the target process: count on a PostgreSQL or H2 file database (--set db.url=...)");
                }
                try (var dataSource = Database.open(settings.db()); var connection = dataSource.getConnection();
                     var statement = connection.createStatement();
                     var result = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT response_token) FROM survey_response")) {
                    result.next();
                    stored = result.getLong(1);
                    distinct = result.getLong(2);
                } catch (SQLException e) {
                    throw new BenchException("cannot count the survey responses in " + settings.db().describe() + ": " + e.getMessage());
                }
            }
            System.out.printf("stored %d, distinct tokens %d (%s)%n", stored, distinct, cassandra.enabled() ? "cassandra" : "sql");
        }
    }

    @Command(name = "reset", description = "Migrate the schema and re-create the seed data exactly (one transaction).")
    static final class Reset extends Knobs implements Runnable {
        @Override
        public void run() {
            var settings = SettingsParser.parse(profile, System.getenv(), sets);
            var cassandra = CassandraSettings.of(settings);
            if (cassandra.enabled()) {
                long start = System.nanoTime();
                ResponseStores.truncate(cassandra);
                System.out.printf("emptied the completed surveys in Cassandra (%s.%s) in %d ms%n", cassandra.keyspace(),
                        ResponseStores.CASSANDRA_TABLE, (System.nanoTime() - start) / 1_000_000);
                if (embedded(settings)) {
                    return; // the drafts and definitions live in the target's own H2
                }
            }
            if (embedded(settings)) {
                throw new BenchException("the embedded H2 (db=h2 without db.url, or in memory) lives inside the target process and is seeded at every start; "
                        + "reset a PostgreSQL or H2 file database (--set db.url=...)");
            }
            long start = System.nanoTime();
            try (var dataSource = Database.open(settings.db())) {
                Migrations.migrate(dataSource);
                Seeder.standard().reset(dataSource);
            }
            System.out.printf("reset %s to seed version %s in %d ms%n", settings.db().describe(), Seeder.VERSION,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
