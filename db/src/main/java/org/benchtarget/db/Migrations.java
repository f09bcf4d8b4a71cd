package org.benchtarget.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings the schema up to date with the Flyway migrations in {@code db/migration}. */
public final class Migrations {
    private Migrations() {
    }

    /**
     * Migrates through connections of Flyway's own, outside the app's pool: Flyway holds two at once
     * (one locks the history table), which a pool of one ({@code threads=1}, seed 004) cannot give.
     * Call it while the pool is open, so an in-memory H2 database outlives Flyway's connections.
     */
    public static void migrate(DbConfig config) {
        Flyway.configure()
                .dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
