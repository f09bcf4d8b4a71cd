package org.benchtarget.db.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Fresh, migrated and seeded databases for tests: a randomly named in-memory H2, or a new
 * database on a real PostgreSQL. The PostgreSQL server is the one named by the system property
 * {@code bench.test.pg.url} (with {@code .user}, {@code .password}) or, by default, one
 * embedded server per test JVM (zonky) on a free port, stopped when the JVM exits.
 */
public final class TestDatabases {
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public static DbConfig fresh(DbKind kind) {
        return kind == DbKind.H2 ? h2() : postgres();
    }

    public static DbConfig h2() {
        var url = "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        return prepared(DbConfig.h2(url, 4));
    }

    public static DbConfig postgres() {
        var server = server();
        var name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (var admin = DriverManager.getConnection(server.url(), server.user(), server.password());
             var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.url() + ": " + e.getMessage(), e);
        }
        var url = server.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return prepared(new DbConfig(DbKind.POSTGRES, url, server.user(), server.password(), 4));
    }

    /** Returns the server's admin connection settings (database {@code postgres}). */
    public static synchronized DbConfig server() {
        var external = System.getProperty("bench.test.pg.url");
        if (external != null && !external.isBlank()) {
            return new DbConfig(DbKind.POSTGRES, external,
                    System.getProperty("bench.test.pg.user", "postgres"),
                    System.getProperty("bench.test.pg.password", ""), 4);
        }
        if (embedded == null) {
            embedded = startEmbedded();
        }
        return new DbConfig(DbKind.POSTGRES, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", 4);
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            // Its own working directory: a shared /tmp/embedded-pg is raced by parallel builds.
            var tmp = Path.of(System.getProperty("bench.test.tmp", System.getProperty("java.io.tmpdir")));
            var dir = Files.createDirectories(tmp.resolve("embedded-pg"));
            var started = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.toFile())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's directory is under target/
                }
            }));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static DbConfig prepared(DbConfig config) {
        try (var dataSource = Database.open(config)) {
            Migrations.migrate(dataSource);
            Seeder.standard().reset(dataSource);
        }
        return config;
    }
}
