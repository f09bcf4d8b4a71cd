package org.benchtarget.daemon.front;

import org.benchtarget.core.App;
import org.benchtarget.core.BuildInfo;
import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.Manifest;
import org.benchtarget.core.fixture.RunWindows;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.jetty.core.CoreResultWriter;
import org.benchtarget.jetty.core.JettyListener;
import org.benchtarget.jetty.core.JettyProtocols;
import org.benchtarget.jetty.core.PlainErrorHandler;
import org.benchtarget.jetty.core.WholeBodyHandler;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code front=jetty}: Jetty 12's core reverse proxy ({@link BackendProxy}) in the daemon's JVM, with the static files,
 * {@code /backends} and the run windows answered by the front itself ({@link JettyFrontHandler}). The listener is the
 * Jetty target's (JettyListener, JettyProtocols: TLS and h2 with tls=on, http2=on); request bodies are read whole before
 * a backend connection is taken, within request.idle-timeout (WholeBodyHandler, as the Jetty targets read theirs);
 * Jetty's own refusals are one line (PlainErrorHandler). One front for proxy=http and uds, proxy.protocol=http1 and h2c.
 * Thread-safe.
 */
final class JettyFront implements Front {
    private static final int ACCEPTORS = 1;
    /** Threads beyond the selectors and the acceptor: the window fan-out's waits, and what Jetty runs off the selector. */
    private static final int SPARE_THREADS = 6;

    private final Server server;
    private final ServerConnector connector;
    private final BackendProxy proxy;

    private JettyFront(Server server, ServerConnector connector, BackendProxy proxy) {
        this.server = server;
        this.connector = connector;
        this.proxy = proxy;
    }

    static JettyFront start(Settings settings, ServerTls tls, List<URI> backends, Supplier<String> listing) {
        // the server's selectors, the proxy client's one selector, the acceptor, and spare threads
        int threads = 2 * settings.ioThreads() + ACCEPTORS + 1 + SPARE_THREADS;
        var pool = new QueuedThreadPool(threads, Math.min(threads, 4), 60_000);
        pool.setName("front");
        var server = new Server(pool);
        var limits = settings.limits();
        var http = JettyListener.httpConfiguration(limits);
        var factories = JettyProtocols.factories(http, tls == null ? null : tls.context(), ServerTls.PROTOCOLS,
                TlsSettings.of(settings).http2(), TlsSettings.MAX_CONCURRENT_STREAMS).toArray(ConnectionFactory[]::new);
        var connector = JettyListener.tcp(server, settings, ACCEPTORS, factories);
        JettyListener.listen(server, connector, settings);

        var serverName = "benchtarget-" + settings.target();
        var stamp = new FrontStamp(settings.fixture().manifest() ? Manifest.of(settings) : null, settings.keepalive());
        var proxy = new BackendProxy(new BackendProxy.Shape(settings.daemon().protocol() == ProxyProtocol.H2C,
                // enough connections for every backend thread to have a request (HTTP/1.1); h2c multiplexes over fewer
                Math.max(1, settings.threads()), settings.daemon().timeout(), limits.idleTimeout(), limits.maxHeaderBytes(), tls != null,
                stamp.stampsManifest()));
        backends.forEach(proxy::up);
        // Bodies are read whole at the front before a backend connection is taken (nginx's proxy_request_buffering): a
        // client that stalls mid-body then holds only its own connection; over request.max-body it gets 413 here.
        var proxied = new WholeBodyHandler(limits.maxBodyBytes(), limits.idleTimeout().toMillis());
        proxied.setHandler(proxy);
        var writer = new CoreResultWriter(serverName, settings.keepalive());
        var files = JettyFrontHandler.filesHandler(new FrontFiles(StaticFiles.load(BuildInfo.load().time()), settings.gzip(),
                settings.fixture().serverTiming()), writer, limits.idleTimeout());
        var windows = new WindowFanOut(() -> proxy.live().stream().map(BackendProxy.Target::uri).toList(),
                (backend, method, token) -> window(proxy, backend, method, token));
        server.setHandler(new GracefulHandler(new JettyFrontHandler(settings.gzip() ? gzip(files) : files, proxied, listing, windows, writer, stamp)));
        var plain = new PlainErrorHandler(serverName);
        // Jetty's own answers (a refused request, the proxy's 502/503/504) are stamped too
        server.setErrorHandler((Request.Handler) (request, response, callback) -> {
            stamp.apply(response);
            return plain.handle(request, response, callback);
        });
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        server.setStopAtShutdown(false); // the daemon's hook closes the front, then the backends
        try {
            server.start();
        } catch (Exception e) {
            stop(server);
            throw new IllegalStateException("front=jetty did not start: " + e.getMessage(), e);
        }
        return new JettyFront(server, connector, proxy);
    }

    /** gzip=on: the front's own files compressed as the Jetty target compresses its answers (from 1 KiB). */
    private static Handler gzip(Handler files) {
        var gzip = new GzipCompression();
        gzip.setMinCompressSize(App.GZIP_MIN_BYTES);
        var compression = new CompressionHandler(files);
        compression.putCompression(gzip);
        return compression;
    }

    /** One run window call to one backend through the proxy's own client (so over its Unix socket too); blocking. */
    private static WindowFanOut.Reply window(BackendProxy proxy, URI backend, String method, String token) throws IOException, InterruptedException {
        var target = BackendProxy.Target.of(backend);
        var request = BackendProxy.addressed(proxy.getHttpClient(), target, "/bench/window").method(method).timeout(10, TimeUnit.SECONDS);
        if (token != null) {
            request.headers(headers -> headers.put(RunWindows.TOKEN_HEADER, token));
        }
        try {
            var response = request.send();
            return new WindowFanOut.Reply(response.getStatus(), response.getHeaders().get(HttpHeader.CONTENT_TYPE), response.getContentAsString());
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException(backend + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public String describe() {
        return "jetty " + Server.getVersion();
    }

    @Override
    public void backendDown(URI backend) {
        proxy.down(backend);
    }

    @Override
    public void backendUp(URI backend) {
        proxy.up(backend);
    }

    /** Graceful: no new connections, in-flight requests finish within shutdown.timeout (GracefulHandler), then stop. */
    @Override
    public void close() {
        stop(server);
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            System.out.println("benchtarget-daemon: front=jetty stopped with " + e);
        }
    }
}
