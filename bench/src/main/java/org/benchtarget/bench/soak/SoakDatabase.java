package org.benchtarget.bench.soak;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak run's own PostgreSQL (zonky's embedded binaries, on a free loopback port), which it can
 * stop and start again on the same port and data directory: the database outage test. Each target
 * gets a fresh database on it. Not thread-safe: the suite calls it from one thread.
 */
public final class SoakDatabase implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dataDirectory;
    private final Path workDirectory;
    private EmbeddedPostgres server;
    private int port;

    private SoakDatabase(Path directory) throws IOException {
        this.dataDirectory = directory.resolve("data");
        this.workDirectory = Files.createDirectories(directory.resolve("work"));
        this.server = start(0);
        this.port = server.getPort();
    }

    /** Starts a new server whose files live under {@code directory} (deleted by {@link #close()}). */
    public static SoakDatabase start(Path directory) throws IOException {
        return new SoakDatabase(directory);
    }

    private EmbeddedPostgres start(int onPort) throws IOException {
        var builder = EmbeddedPostgres.builder()
                // not the shared /tmp/embedded-pg that parallel builds race for
                .setOverrideWorkingDirectory(workDirectory.toFile())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off");
        if (onPort > 0) {
            builder.setPort(onPort);
        }
        return builder.start();
    }

    /** Creates a new, empty database (a target migrates and seeds it when it starts) and returns how to reach it. */
    public DbConfig freshDatabase(int poolSize) throws SQLException {
        var name = "soak_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var admin = admin(); var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new DbConfig(DbKind.POSTGRES, "jdbc:postgresql://127.0.0.1:" + port + "/" + name, "postgres", "", poolSize);
    }

    /** Returns a new connection to {@code db} (the caller closes it). */
    public static Connection connect(DbConfig db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
    }

    /** Stops the server (fast: open sessions are ended, as when a database host goes away). */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts it again on the same port with the same data. */
    public void restart() throws IOException {
        if (server == null) {
            server = start(port);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        stop();
        deleteTree(dataDirectory);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
