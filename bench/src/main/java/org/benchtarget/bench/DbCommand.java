package org.benchtarget.bench;

import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.survey.ResponseStores;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code bench db reset}: re-creates the seed data exactly, on the database a profile's knobs name. */
@Command(name = "db", description = "Database commands.", subcommands = DbCommand.Reset.class)
final class DbCommand implements Runnable {

    @Override
    public void run() {
        throw new BenchException("db: say what to do, e.g. bench db reset --set db=postgres --set db.url=...");
    }

    @Command(name = "reset", description = "Migrate the schema and re-create the seed data exactly (one transaction).")
    static final class Reset implements Runnable {
        @Parameters(arity = "0..1", paramLabel = "PROFILE", description = "profile whose db knobs to use")
        String profile;

        @Option(names = "--set", paramLabel = "KNOB=VALUE", description = "override a knob (db, db.url, db.user, db.password; survey.store, cassandra.*)")
        List<String> sets = new ArrayList<>();

        @Override
        public void run() {
            var settings = SettingsParser.parse(profile, System.getenv(), sets);
            var cassandra = CassandraSettings.of(settings);
            if (cassandra.enabled()) {
                long start = System.nanoTime();
                ResponseStores.truncate(cassandra);
                System.out.printf("emptied the completed surveys in Cassandra (%s.%s) in %d ms%n", cassandra.keyspace(),
                        ResponseStores.CASSANDRA_TABLE, (System.nanoTime() - start) / 1_000_000);
                if (settings.db().kind() == DbKind.H2 && settings.db().url().contains(":mem:")) {
                    return; // the drafts and definitions live in the target's own H2
                }
            }
            if (settings.db().kind() == DbKind.H2 && settings.db().url().contains(":mem:")) {
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
