package org.benchtarget.bench.soak;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A few clients per path sending GETs in a loop, each answer tallied under the phase the test is in
 * (before, during, after a fault), so a test can say what each endpoint answered while the fault lasted.
 * Thread-safe: the test thread moves the phase, virtual threads send.
 */
final class ProbeLoad implements AutoCloseable {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Duration timeout;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private volatile String phase = "before";

    /** Answers of one path in one phase. */
    static final class Tally {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong shed = new AtomicLong();
        final AtomicLong other = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong maxMillis = new AtomicLong();
        /** Every answer's latency (failures excluded), in microseconds. */
        final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 2);
        /** When the last answer other than 200 came (System.nanoTime), 0 for none. */
        volatile long lastProblemNanos;
        volatile String lastProblem = "";

        long total() {
            return ok.get() + shed.get() + other.get() + failed.get();
        }

        @Override
        public String toString() {
            return ok + " ok, " + shed + " 503+Retry-After, " + other + " other, " + failed + " failed, max " + maxMillis + " ms"
                    + (lastProblem.isEmpty() ? "" : " (" + lastProblem + ")");
        }
    }

    ProbeLoad(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** Starts {@code clients} clients looping over GET {@code path}, {@code pauseMillis} apart. */
    ProbeLoad clients(String path, int clients, long pauseMillis) {
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().name("probe " + path).start(() -> loop(path, pauseMillis)));
        }
        return this;
    }

    void phase(String name) {
        phase = name;
    }

    /** Returns the tally of {@code path} in {@code phaseName} (empty when nothing was sent). */
    Tally tally(String phaseName, String path) {
        return tallies.computeIfAbsent(phaseName + " " + path, key -> new Tally());
    }

    private void loop(String path, long pauseMillis) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        while (running.get()) {
            long began = System.nanoTime();
            // tallied under the phase in which the answer came: a request sent just before a fault answers during it
            Tally tally;
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                tally = tally(phase, path);
                long nanos = System.nanoTime() - began;
                tally.latency.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), tally.latency.getHighestTrackableValue()));
                long millis = nanos / 1_000_000;
                tally.maxMillis.accumulateAndGet(millis, Math::max);
                if (response.statusCode() == 200) {
                    tally.ok.incrementAndGet();
                } else if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                    tally.shed.incrementAndGet();
                    tally.lastProblemNanos = System.nanoTime();
                } else {
                    tally.other.incrementAndGet();
                    tally.lastProblem = "status " + response.statusCode();
                    tally.lastProblemNanos = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                tally = tally(phase, path);
                tally.failed.incrementAndGet();
                tally.lastProblem = e.toString();
                tally.lastProblemNanos = System.nanoTime();
            }
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (var thread : threads) {
            thread.join(timeout.plusSeconds(5));
        }
        client.close();
    }
}
