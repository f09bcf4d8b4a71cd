package org.benchtarget.jetty;

import org.benchtarget.jetty.core.QueueStampingThreadPool;

import org.benchtarget.core.App;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TargetSupport;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.jetty.core.CoreAppHandler;
import org.benchtarget.jetty.core.JettyListener;
import org.benchtarget.jetty.core.JettyProtocols;
import org.benchtarget.jetty.core.PlainErrorHandler;
import org.benchtarget.jetty.core.WholeBodyHandler;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.Invocable;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Executors;

/**
 * The app as a Servlet on embedded Jetty 12.1 (ee11); with workers=nio, Jetty's core Handler API in front of it answers
 * what cannot block on the selector ({@link CoreAppHandler}). {@link #newServer} is the production wiring
 * that tests reuse on port 0. Start and stop from one thread.
 */
public final class JettyServer implements AutoCloseable {
    public static final TargetSupport SUPPORT = new TargetSupport("jetty", EnumSet.allOf(Workers.class),
            EnumSet.of(Mode.IN_PROCESS), "");
    private static final int ACCEPTORS = 1;

    private final App app;
    private final Server server;

    private JettyServer(App app, Server server) {
        this.app = app;
        this.server = server;
    }

    public static JettyServer newServer(App app, Settings settings) {
        SUPPORT.check(settings);
        // Selectors and the acceptor run on the pool too: size it so `threads` are left for requests.
        int poolSize = settings.threads() + settings.ioThreads() + ACCEPTORS;
        // a pool that stamps queued jobs: Server-Timing's queue includes the wait for a thread (servlet-adapter's ServletWebRequest)
        var pool = new QueueStampingThreadPool(poolSize, poolSize, 60_000);
        pool.setName("jetty");
        if (settings.workers() == Workers.VIRTUAL) {
            // Blocking tasks (every Servlet request) each on a new virtual thread, unbounded as on Undertow.
            pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jetty-virtual-", 0).factory()));
        }
        var server = new Server(pool);
        var limits = settings.limits();
        var http = JettyListener.httpConfiguration(limits); // every path reaches app-core's one path rule
        var tls = app.tls();
        var factories = JettyProtocols.factories(http, tls == null ? null : tls.context(), ServerTls.PROTOCOLS,
                TlsSettings.of(settings).http2(), TlsSettings.MAX_CONCURRENT_STREAMS).toArray(ConnectionFactory[]::new);
        var socket = System.getProperty(TargetLauncher.UNIX_SOCKET);
        AbstractConnector connector;
        if (socket != null && !socket.isBlank()) {
            // daemon mode's proxy=uds: the front reaches this backend over a Unix domain socket, not loopback TCP
            var unix = new UnixDomainServerConnector(server, ACCEPTORS, settings.ioThreads(), factories);
            unix.setUnixDomainPath(Path.of(socket));
            unix.setAcceptQueueSize(settings.backlog());
            connector = unix;
        } else {
            connector = JettyListener.tcp(server, settings, ACCEPTORS, factories);
        }
        JettyListener.listen(server, connector, settings);

        var context = new ServletContextHandler("/");
        context.addEventListener(new AppListener(app));
        // workers=nio: what cannot block is answered on the selector by Jetty's core API, the rest by the Servlet on the pool
        Handler handler = settings.workers() == Workers.NIO ? new CoreAppHandler(app, context) : context;
        if (settings.gzip()) {
            var gzip = new GzipCompression();
            gzip.setMinCompressSize(App.GZIP_MIN_BYTES);
            var compression = new CompressionHandler(handler);
            compression.putCompression(gzip);
            handler = compression;
        }
        // a body is read whole before a pool thread serves the request: a slow client never holds a thread, and one
        // over request.max-body answers 413 before the servlet sees it
        var wholeBody = new WholeBodyHandler(limits.maxBodyBytes(), limits.idleTimeout().toMillis());
        wholeBody.setHandler(handler);
        server.setHandler(new GracefulHandler(wholeBody));
        server.setErrorHandler(new PlainErrorHandler(app.serverHeader()));
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        server.setStopAtShutdown(false); // TargetLauncher's hook stops it, then closes the App

        app.info().put("server", "jetty " + Server.getVersion());
        app.info().put("workerThreads", settings.workers() == Workers.VIRTUAL ? "virtual" : Integer.toString(settings.threads()));
        app.info().put("ioThreads", Integer.toString(settings.ioThreads()));
        return new JettyServer(app, server);
    }

    public JettyServer start() throws Exception {
        server.start();
        return this;
    }

    /** Returns the bound port (the real one when the settings said 0); 0 on a Unix domain socket. */
    public int port() {
        return server.getConnectors()[0] instanceof ServerConnector tcp ? tcp.getLocalPort() : 0;
    }

    /** NON_BLOCKING when Jetty may call the handlers on its selector threads (workers=nio). */
    public Invocable.InvocationType invocationType() {
        return server.getInvocationType();
    }

    public App app() {
        return app;
    }

    /**
     * Stops gracefully: no new connections, in-flight requests may finish within the shutdown
     * timeout (GracefulHandler), then the server and the pool close.
     */
    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            app.close();
        }
    }
}
