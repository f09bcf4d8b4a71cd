package org.benchtarget.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.util.function.Consumer;

/** Opens the HikariCP pool for a {@link DbConfig}. */
public final class Database {
    private Database() {
    }

    /** Returns an open pool; {@code customizer} may add metrics or change timeouts before it starts. */
    public static HikariDataSource open(DbConfig config, Consumer<HikariConfig> customizer) {
        var hikari = new HikariConfig();
        hikari.setPoolName("bench-db");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        // A fixed-size pool: connections are opened once, not while the load runs
        // (a pool that grows under load forks PostgreSQL backends during the measurement).
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(config.poolSize());
        // Fail fast when the database is away: requests answer 503 instead of piling up.
        hikari.setConnectionTimeout(2_000);
        hikari.setValidationTimeout(1_000);
        hikari.setInitializationFailTimeout(5_000);
        if (config.kind() == DbKind.POSTGRES) {
            hikari.addDataSourceProperty("prepareThreshold", "1");
            hikari.addDataSourceProperty("tcpKeepAlive", "true");
        }
        customizer.accept(hikari);
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new DatabaseUnreachableException(unreachable(config, e));
        }
    }

    /**
     * One line for a database the pool could not open: its URL (never the password), why, and what to do. Thrown
     * without the driver's exception, whose message may carry more than the URL.
     */
    static String unreachable(DbConfig config, Throwable error) {
        var root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var why = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        if (!config.password().isEmpty()) {
            why = why.replace(config.password(), "(set)");
        }
        return "cannot open the database " + config.describe() + " (" + why + "): start it there, or point db.url, db.user and db.password"
                + " to one that runs, or leave db unset for the embedded H2";
    }

    public static HikariDataSource open(DbConfig config) {
        return open(config, hikari -> { });
    }
}
