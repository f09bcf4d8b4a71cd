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
        hikari.setJdbcUrl(config.url());
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
        return new HikariDataSource(hikari);
    }

    public static HikariDataSource open(DbConfig config) {
        return open(config, hikari -> { });
    }
}
