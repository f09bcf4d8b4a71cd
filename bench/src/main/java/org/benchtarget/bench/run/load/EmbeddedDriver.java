package org.benchtarget.bench.run.load;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.benchtarget.bench.run.experiment.Experiment.LoadKind;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The default driver, inside bench: Apache HttpClient 5 (classic, pooled) on virtual threads, latencies in
 * HdrHistogram; a closed loop of plain GETs runs each user on a connection of its own instead ({@link GetUsers}). Closed loop: {@code level} users, each sending its next journey when the last ended (ab -c).
 * Open loop: journeys start at {@code level} per second on a fixed schedule, each timed from its planned
 * start, so a slow server cannot slow the schedule down (httperf --rate, without coordinated omission).
 */
public final class EmbeddedDriver implements LoadDriver {
    /** Open loop: at most this many connections; a request waiting for one is still timed from its planned start. */
    private static final int OPEN_LOOP_CONNECTIONS = 1_000;

    @Override
    public int cores() {
        return Runtime.getRuntime().availableProcessors(); // the JDK reads the affinity mask: --pin's CPUs
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public String cannotDrive(LoadKind kind, Workload workload) {
        return null;
    }

    @Override
    public Outcome drive(Spec spec, RunControl control) throws IOException, InterruptedException {
        int connections = spec.kind() == LoadKind.CONCURRENCY ? spec.level() : OPEN_LOOP_CONNECTIONS;
        try (var client = client(spec, connections)) {
            var tally = new Tally(spec.kind() == LoadKind.RATE);
            long start = System.nanoTime();
            if (spec.kind() == LoadKind.CONCURRENCY) {
                closedLoop(spec, control, client, tally, start);
            } else {
                openLoop(spec, control, client, tally, start);
            }
            return tally.outcome((System.nanoTime() - start) / 1e9);
        }
    }

    private static void closedLoop(Spec spec, RunControl control, CloseableHttpClient client, Tally tally, long start)
            throws InterruptedException {
        if (spec.workload() instanceof Workload.Get get) {
            GetUsers.run(spec, get, control, tally, start);
            return;
        }
        var budget = new AtomicLong(spec.requests() > 0 ? spec.requests() : Long.MAX_VALUE);
        long end = spec.requests() > 0 ? Long.MAX_VALUE : start + spec.duration().toNanos();
        try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int user = 0; user < spec.level(); user++) {
                users.submit(() -> {
                    while (!control.cancelled() && System.nanoTime() < end && budget.getAndDecrement() > 0) {
                        iteration(spec, client, tally, 0);
                    }
                });
            }
            users.shutdown();
            awaitOrCancel(users, control);
        }
    }

    private static void openLoop(Spec spec, RunControl control, CloseableHttpClient client, Tally tally, long start)
            throws InterruptedException {
        long total = spec.requests() > 0 ? spec.requests() : Math.max(1, spec.level() * spec.duration().toSeconds());
        double intervalNanos = 1e9 / spec.level();
        try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total && !control.cancelled(); i++) {
                long planned = start + (long) (i * intervalNanos);
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                users.submit(() -> iteration(spec, client, tally, planned));
            }
            users.shutdown();
            awaitOrCancel(users, control);
        }
    }

    private static void awaitOrCancel(ExecutorService users, RunControl control) throws InterruptedException {
        while (!users.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            if (control.cancelled()) {
                users.shutdownNow();
                users.awaitTermination(5, TimeUnit.SECONDS);
                return;
            }
        }
    }

    private static void iteration(Spec spec, CloseableHttpClient client, Tally tally, long plannedNanos) {
        var session = new HttpSession(client, spec.base(), spec.keepalive(), spec.acceptGzip(), tally, plannedNanos);
        boolean completed;
        try {
            completed = switch (spec.workload()) {
                case Workload.Get get -> {
                    int status = session.fetch(get.path());
                    yield status >= 200 && status <= 299;
                }
                case Workload.Scripted scripted -> scripted.journey().run(session);
            };
        } catch (IOException | RuntimeException e) {
            // counted by kind in the session (IOException); a journey bug counts as a failed journey
            completed = false;
        }
        tally.journey(completed);
    }

    private static CloseableHttpClient client(Spec spec, int connections) {
        var timeout = Timeout.of(spec.timeout());
        var manager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(timeout).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .setValidateAfterInactivity(TimeValue.NEG_ONE_MILLISECOND)
                        .build())
                // over https, the target's own (self-signed) certificate, unchecked as wrk and h2load leave it
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(LoopbackTls.acceptingAnyCertificate())
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                        .buildClassic())
                .build();
        var builder = HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .setUserAgent("benchtarget-bench");
        if (!spec.keepalive()) {
            builder.setConnectionReuseStrategy((request, response, context) -> false);
        }
        return builder.build();
    }
}
