package org.benchtarget.undertow;

import io.undertow.predicate.Predicates;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TargetSupport;
import org.xnio.Options;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The app on Undertow's own handlers (no Servlet layer). {@link #newServer} is the production
 * wiring that tests reuse on port 0. Start and stop from one thread.
 */
public final class UndertowServer implements AutoCloseable {
    public static final TargetSupport SUPPORT = new TargetSupport("undertow", EnumSet.allOf(Workers.class),
            EnumSet.of(Mode.IN_PROCESS), "");

    private final App app;
    private final Undertow undertow;
    private final GracefulStop graceful;
    private static final int BUFFER_BYTES = 4 * 1024;
    private static final int THREAD_CACHED_BUFFERS = 4; // Undertow's own default
    private final ExecutorService virtualThreads;

    private UndertowServer(App app, Undertow undertow, GracefulStop graceful, ExecutorService virtualThreads) {
        this.app = app;
        this.undertow = undertow;
        this.graceful = graceful;
        this.virtualThreads = virtualThreads;
    }

    public static UndertowServer newServer(App app, Settings settings) {
        SUPPORT.check(settings);
        var virtualThreads = settings.workers() == Workers.VIRTUAL ? Executors.newVirtualThreadPerTaskExecutor() : null;
        HttpHandler handler = new AppHandler(app, virtualThreads);
        if (settings.gzip()) {
            handler = new EncodingHandler(handler, new ContentEncodingRepository().addEncodingHandler(
                    "gzip", new GzipEncodingProvider(), 50, Predicates.maxContentSize(App.GZIP_MIN_BYTES - 1)));
        }
        var graceful = new GracefulStop(handler, app.serverHeader());
        var undertow = ServerOptions.builder(settings, app.tls())
                .setWorkerThreads(settings.threads())
                // Undertow sizes buffers from the max heap (512-byte heap buffers under 64 MB). Bodies are
                // written from their own arrays, so the pooled buffers hold request and response heads:
                // 4 KiB direct ones fit them, and 500 connections cost 2 MB rather than 8.
                .setByteBufferPool(bufferPool(settings.workers()))
                .setHandler(graceful)
                .build();
        app.info().put("server", "undertow " + io.undertow.Version.getVersionString());
        app.info().put("workerThreads", settings.workers() == Workers.VIRTUAL ? "virtual" : Integer.toString(settings.threads()));
        app.info().put("ioThreads", Integer.toString(settings.ioThreads()));
        return new UndertowServer(app, undertow, graceful, virtualThreads);
    }

    /**
     * 4 KiB direct buffers. Each thread keeps a few of them for itself, except with virtual workers: a virtual thread
     * per request never comes back for its cached buffers, which stay out of the pool until a GC collects the thread,
     * and under a connection-per-request load the 32 MB of direct memory ran out (OutOfMemoryError, client timeouts).
     */
    static DefaultByteBufferPool bufferPool(Workers workers) {
        return new DefaultByteBufferPool(true, BUFFER_BYTES, -1, workers == Workers.VIRTUAL ? 0 : THREAD_CACHED_BUFFERS);
    }

    public UndertowServer start() {
        undertow.start();
        if (app.tls() != null) {
            HandshakeDeadline.apply(undertow, app.settings().limits().idleTimeout());
        }
        if (app.settings().workers() != Workers.VIRTUAL) {
            var pool = undertow.getWorker().getMXBean();
            var registry = app.metrics().registry();
            // XNIO's pool (jboss-threads) does not count busy threads (-1): then the series is left out
            // (bench_requests_busy counts the requests being served)
            if (pool.getBusyWorkerThreadCount() >= 0) {
                io.micrometer.core.instrument.Gauge.builder("bench.workers.busy", pool, bean -> bean.getBusyWorkerThreadCount())
                        .description("worker threads running a task").register(registry);
            }
            io.micrometer.core.instrument.Gauge.builder("bench.workers.size", pool, bean -> bean.getMaxWorkerPoolSize())
                    .description("worker threads in the pool (threads), started as requests need them").register(registry);
            io.micrometer.core.instrument.Gauge.builder("bench.workers.started", pool, bean -> bean.getWorkerPoolSize())
                    .description("worker threads started so far").register(registry);
        }
        return this;
    }

    /** Returns the bound port (the real one when the settings said 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    public App app() {
        return app;
    }

    /**
     * Stops gracefully: new requests answer 503, in-flight requests may finish within the shutdown
     * timeout, then the server, the executors and the pool close.
     */
    @Override
    public void close() {
        graceful.stop(undertow, app.settings().shutdownTimeout().toMillis());
        if (virtualThreads != null) {
            virtualThreads.shutdown();
            try {
                virtualThreads.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        app.close();
    }
}
