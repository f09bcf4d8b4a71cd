package org.benchtarget.jetty.ceiling;

import com.zaxxer.hikari.HikariDataSource;
import org.benchtarget.core.ceiling.CeilingDatabase;
import org.benchtarget.core.config.Settings;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.sql.DataSource;
import java.util.function.Function;

/**
 * The Jetty both Jetty ceilings run, sized as the jetty targets size theirs (JettyServer): a QueuedThreadPool of
 * {@code threads} plus the selectors ({@code io-threads}) and one acceptor, the accept queue of {@code backlog}, no
 * Server version header. Stops
 * gracefully (GracefulHandler, bounded by shutdown.timeout's default), then closes the database pool.
 */
final class CeilingServer implements AutoCloseable {
    private static final int ACCEPTORS = 1;

    private final Server server;
    private final HikariDataSource pool;

    private CeilingServer(Server server, HikariDataSource pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Opens the database, builds the handler from it and starts listening (port 0: a free one). */
    static CeilingServer start(Settings settings, Function<DataSource, Handler> handler) throws Exception {
        int poolSize = settings.threads() + settings.ioThreads() + ACCEPTORS;
        var threads = new QueuedThreadPool(poolSize, poolSize);
        threads.setName("ceiling");
        var server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        var connector = new ServerConnector(server, ACCEPTORS, settings.ioThreads(), new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(settings.backlog()); // Jetty's default is the JVM's 50
        server.addConnector(connector);
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        server.setStopAtShutdown(false); // TargetLauncher's hook stops it
        var pool = CeilingDatabase.open(settings.db());
        try {
            server.setHandler(new GracefulHandler(handler.apply(pool)));
            server.start();
        } catch (Exception e) {
            server.stop();
            pool.close();
            throw e;
        }
        return new CeilingServer(server, pool);
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            pool.close();
        }
    }
}
