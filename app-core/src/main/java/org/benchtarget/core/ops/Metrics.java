package org.benchtarget.core.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.benchtarget.core.db.StatementCounter;
import org.benchtarget.core.web.Route;
import org.benchtarget.core.web.WebResult;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Micrometer registry behind /metrics: request timers per endpoint, method and status, the
 * SQL statement count, JVM binders; the pool and caches register themselves. Thread-safe.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Route, Timer[]> phases = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    private record TimerKey(Route route, String method, int status) {
    }

    public Metrics(StatementCounter statements) {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        FunctionCounter.builder("sql.statements", statements, StatementCounter::total)
                .description("SQL statements executed")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("bench.requests.busy", inFlight, java.util.concurrent.atomic.AtomicInteger::get)
                .description("requests being served by a worker (not waiting in a queue)")
                .register(registry);
    }

    /** Marks a request as being served; {@link #served} ends it. */
    public void serving() {
        inFlight.incrementAndGet();
    }

    /**
     * Ends a request: its queue time (waiting for a worker; negative when unknown) and service time
     * go to per-endpoint histograms, which separate a server's queueing from the client's latency.
     */
    public void served(Route route, long queueNanos, long serviceNanos) {
        inFlight.decrementAndGet();
        var pair = phases.computeIfAbsent(route, key -> new Timer[]{
                phaseTimer("http.server.queue", "time a request waited for a worker", key),
                phaseTimer("http.server.service", "time a worker spent serving a request", key)});
        if (queueNanos >= 0) {
            pair[0].record(queueNanos, TimeUnit.NANOSECONDS);
        }
        pair[1].record(serviceNanos, TimeUnit.NANOSECONDS);
    }

    private Timer phaseTimer(String name, String description, Route route) {
        return Timer.builder(name).description(description).tag("endpoint", route.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofNanos(10_000))
                .maximumExpectedValue(java.time.Duration.ofSeconds(10))
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Records one answered request; the timer per key is created once and reused. */
    public void record(Route route, String method, int status, long nanos) {
        timers.computeIfAbsent(new TimerKey(route, method, status), key -> Timer.builder("http.server.requests")
                        .tag("endpoint", key.route().name())
                        .tag("method", key.method().length() <= 7 ? key.method() : "OTHER")
                        .tag("status", Integer.toString(key.status()))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** GET /metrics. */
    public WebResult scrape() {
        return WebResult.ok("text/plain; version=0.0.4; charset=utf-8", registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
