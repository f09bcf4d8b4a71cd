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
