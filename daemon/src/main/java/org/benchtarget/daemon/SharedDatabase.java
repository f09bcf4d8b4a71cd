package org.benchtarget.daemon;

import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.EmbeddedH2;
import org.h2.tools.Server;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The one database every backend uses. PostgreSQL, or an H2 URL that already names a server
 * ({@code jdbc:h2:tcp:}, {@code AUTO_SERVER=TRUE}), is used as given. The embedded default
 * ({@code db=h2} with no URL) becomes "H2-shared": an H2 database held by this process (a file in its temporary
 * folder, as {@link EmbeddedH2} keeps the single target's) and served to the backends by H2's TCP server on loopback,
 * with a random password. Any other
 * H2 URL would give each backend a private database, so it stops the start.
 */
final class SharedDatabase implements AutoCloseable {
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private final DbConfig forBackends;
    private final Server server;
    private final Connection holder;

    private SharedDatabase(DbConfig forBackends, Server server, Connection holder) {
        this.forBackends = forBackends;
        this.server = server;
        this.holder = holder;
    }

    static SharedDatabase open(Settings settings) {
        var db = settings.db();
        if (db.kind() == DbKind.POSTGRES || db.url().startsWith("jdbc:h2:tcp:") || db.url().toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            return new SharedDatabase(db, null, null);
        }
        if (!db.url().equals(DbConfig.DEFAULT_H2_URL)) {
            throw new SettingsException("db.url=" + db.url() + ": in daemon mode every backend must reach the same database; "
                    + "leave db.url empty (a shared H2 server is started), give jdbc:h2:tcp://... or ...;AUTO_SERVER=TRUE, or use db=postgres");
        }
        // H2's TCP server names its URL after the host's own name unless it has a bind address: where that name does
        // not resolve (a container without a network, as at image build) it would not start. Loopback is where the
        // backends connect anyway. Read once, when H2's settings class loads: before any H2 use in this JVM.
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        try {
            var name = "benchtarget-daemon-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
            var password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            // The holder connection creates the database and keeps it open while the daemon runs.
            var local = EmbeddedH2.fileUrl(name);
            var holder = DriverManager.getConnection(local, "sa", password);
            // No -tcpAllowOthers: H2 refuses connections that are not from this machine.
            var server = Server.createTcpServer("-tcpPort", "0").start();
            // Backends starting together wait for each other's migration check instead of failing after H2's default 1 s.
            var path = local.substring("jdbc:h2:file:".length(), local.indexOf(';'));
            var url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + path + ";LOCK_TIMEOUT=30000";
            return new SharedDatabase(new DbConfig(DbKind.H2, url, "sa", password, db.poolSize()), server, holder);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the shared H2 server: " + e.getMessage(), e);
        }
    }

    /** Returns what the backends connect to. */
    DbConfig forBackends() {
        return forBackends;
    }

    /** Returns how /backends describes the database, without credentials. */
    String describe() {
        return server == null ? forBackends.describe() : "h2-shared " + forBackends.describe().substring("h2 ".length());
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
            try {
                holder.close();
            } catch (SQLException ignored) {
                // the database's folder goes with this process anyway
            }
        }
    }
}
