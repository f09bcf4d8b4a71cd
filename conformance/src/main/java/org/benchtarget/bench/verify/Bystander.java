package org.benchtarget.bench.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * An ordinary client that keeps asking for {@code /hello} and {@code /db} while a check abuses the
 * target, to show that other clients are unaffected: every answer 200, none slower than a bound.
 * Start, abuse, then {@link #stopAndExpectUnaffected}. One thread of its own.
 */
final class Bystander implements AutoCloseable {
    /**
     * Generous, for a loaded machine (a shared 2-core one took 3.1 s once): the point is to tell a slow
     * answer from none, and a starved target takes the full client timeout (10 s).
     */
    static final Duration SLOWEST = Duration.ofSeconds(8);
    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final int MIN_REQUESTS = 4;

    private final HttpClient client = ClientTransport.newClient()
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();
    private volatile String firstFailure;
    private volatile boolean running = true;
    private final Thread thread;

    private Bystander(URI base) {
        this.base = base;
        this.thread = Thread.ofPlatform().daemon().name("verify-bystander").start(this::loop);
    }

    static Bystander start(URI base) {
        return new Bystander(base);
    }

    private void loop() {
        int i = 0;
        while (running) {
            var path = i++ % 2 == 0 ? "/hello" : "/db";
            long start = System.nanoTime();
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    fail(path + " answered " + response.statusCode());
                }
            } catch (InterruptedException e) {
                return; // stopped mid-request
            } catch (Exception e) {
                fail(path + ": " + e);
            }
            slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            requests.incrementAndGet();
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void fail(String what) {
        if (failures.getAndIncrement() == 0) {
            firstFailure = what;
        }
    }

    /**
     * Stops, once the bystander made a few requests (waiting up to 15 s for them), and fails the check
     * unless every one was a quick 200.
     */
    void stopAndExpectUnaffected(String during) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (requests.get() < MIN_REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(PAUSE);
        }
        close();
        expect(requests.get() > 0, "%s: the bystander got no request through", during);
        expect(failures.get() == 0, "%s: %d of %d bystander requests failed, first: %s", during, failures.get(), requests.get(), firstFailure);
        var slowest = Duration.ofNanos(slowestNanos.get());
        expect(slowest.compareTo(SLOWEST) <= 0, "%s: a bystander request took %d ms (at most %d ms)", during, slowest.toMillis(), SLOWEST.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(15_000);
    }
}
