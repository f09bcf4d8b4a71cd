package org.benchtarget.core.ceiling;

import com.zaxxer.hikari.HikariDataSource;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;

/**
 * A ceiling's database, prepared at start as the targets prepare theirs (migrated, seeded when empty), so that its
 * {@code /db} reads the same {@code test} table through a HikariCP pool of the targets' size ({@code db.pool}, 32 in
 * their profiles): a pool of one would serialise the queries and make the ceiling lower than the target.
 */
public final class CeilingDatabase {
    private CeilingDatabase() {
    }

    /** Returns the open pool; the caller closes it when the server has stopped. */
    public static HikariDataSource open(DbConfig config) {
        var pool = Database.open(config);
        try {
            Migrations.migrate(config);
            Seeder.standard().seedIfNeeded(pool);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
