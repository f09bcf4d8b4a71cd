package org.benchtarget.undertow.ceiling;

import com.zaxxer.hikari.HikariDataSource;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.ceiling.CeilingDatabase;
import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.ceiling.RandomRow;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.hello.Hello;
import org.xnio.Options;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;

/**
 * {@code java -cp benchtarget-undertow.jar org.benchtarget.undertow.ceiling.UndertowCeiling ceiling-undertow [--set ...]}:
 * the bare Undertow server the undertow targets are measured against. {@code /hello} answers the ctime on the IO
 * thread, {@code /db} is dispatched to the worker pool for one prepared query, anything else is 404. No app, no
 * routing table, no extra headers. Stops on SIGTERM after in-flight requests (bounded by shutdown.timeout's default).
 */
public final class UndertowCeiling implements AutoCloseable {
    private static final String TEXT = "text/plain; charset=utf-8";
    /** The target's buffers (UndertowServer): 4 KiB direct, a few cached per thread, not the heap-derived default. */
    private static final int BUFFER_BYTES = 4 * 1024;
    private static final int THREAD_CACHED_BUFFERS = 4;

    private final Undertow undertow;
    private final GracefulShutdownHandler inFlight;
    private final HikariDataSource pool;
    private final long stopMillis;

    private UndertowCeiling(Undertow undertow, GracefulShutdownHandler inFlight, HikariDataSource pool, long stopMillis) {
        this.undertow = undertow;
        this.inFlight = inFlight;
        this.pool = pool;
        this.stopMillis = stopMillis;
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        TargetLauncher.run("ceiling-undertow", args, () -> {
            var ceiling = start(CeilingSettings.parse("undertow", Workers.NIO, List.of(args), System.getenv()));
            return new TargetLauncher.Running(ceiling.port(), ceiling);
        });
    }

    /** Opens the database and starts listening (port 0: a free one). */
    public static UndertowCeiling start(Settings settings) {
        var pool = CeilingDatabase.open(settings.db());
        var hello = new Hello(Clock.systemDefaultZone());
        var rows = new RandomRow(pool);
        HttpHandler db = exchange -> send(exchange, rows.read());
        HttpHandler routes = exchange -> {
            switch (exchange.getRequestPath()) {
                case "/hello" -> send(exchange, hello.body());
                case "/db" -> exchange.dispatch(db);
                default -> exchange.setStatusCode(404).endExchange();
            }
        };
        var inFlight = Handlers.gracefulShutdown(routes);
        var undertow = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setIoThreads(settings.ioThreads())
                .setWorkerThreads(settings.threads())
                .setByteBufferPool(new DefaultByteBufferPool(true, BUFFER_BYTES, -1, THREAD_CACHED_BUFFERS))
                .setSocketOption(Options.BACKLOG, settings.backlog())
                .setHandler(inFlight)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new UndertowCeiling(undertow, inFlight, pool, settings.shutdownTimeout().toMillis());
    }

    private static void send(HttpServerExchange exchange, byte[] body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TEXT);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        inFlight.shutdown();
        inFlight.awaitShutdown(stopMillis);
        undertow.stop();
        pool.close();
    }
}
