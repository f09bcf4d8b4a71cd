package org.benchtarget.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings the schema up to date with the Flyway migrations in {@code db/migration}. */
public final class Migrations {
    private Migrations() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
