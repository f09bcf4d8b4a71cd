package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.survey.ResponseStores;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;

/**
 * Puts the data back to the seed before a target starts: an in-memory H2 lives in the target and is
 * seeded at every start; any other database (PostgreSQL, an H2 file) is reset as {@code bench db reset} does, and
 * Cassandra's completed surveys are emptied.
 */
final class DataReset {
    private DataReset() {
    }

    static void reset(Settings settings) {
        var cassandra = CassandraSettings.of(settings);
        if (cassandra.enabled()) {
            ResponseStores.truncate(cassandra); // completed surveys start from none, as the SQL tables do
        }
        var db = settings.db();
        if (db.kind() == DbKind.H2 && db.url().contains(":mem:")) {
            return;
        }
        try (var dataSource = Database.open(db)) {
            Migrations.migrate(dataSource);
            Seeder.standard().reset(dataSource);
        } catch (RuntimeException e) {
            var root = e;
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            var message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new BenchException("cannot reset the data of " + db.describe() + ": "
                    + message.lines().findFirst().orElse(root.toString()));
        }
    }
}
