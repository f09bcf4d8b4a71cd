package org.benchtarget.daemon;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL a backend while GETs run through the front: the front routes around it (retrying the
 * GETs that were on it), the supervisor starts a new one on the same port, and once it is
 * healthy the front uses it again. Bounded: 4 clients, at most 50,000 requests or 120 s.
 */
class DaemonSupervisionIT {
    private static final int CLIENTS = 4;
    private static final int MAX_REQUESTS = 50_000;
    private static final Duration MAX_TIME = Duration.ofSeconds(120);

    @Test
    void killedBackendIsReplacedAndGetsKeepSucceeding() throws Exception {
        var seen = new ArrayList<Long>();
        List<Long> after;
        try (var daemon = Daemon.start(TestLaunch.settings(), TestLaunch.backends())) {
            var before = daemon.backendPids();
            seen.addAll(before);
            var base = URI.create("http://127.0.0.1:" + daemon.port());
            var load = new Load(base);
            load.start();
            try {
                load.awaitSuccesses(200);
                ProcessHandle.of(before.get(0)).orElseThrow().destroyForcibly(); // SIGKILL
                var deadline = Instant.now().plus(MAX_TIME);
                while (Instant.now().isBefore(deadline) && !(daemon.allUp() && !daemon.backendPids().get(0).equals(before.get(0)))) {
                    Thread.sleep(100);
                }
                after = daemon.backendPids();
                seen.addAll(after);
                assertThat(after.get(0)).as("backend 1 restarted with a new pid").isNotEqualTo(before.get(0)).isPositive();
                assertThat(after.get(1)).as("backend 2 untouched").isEqualTo(before.get(1));
                assertThat(daemon.allUp()).isTrue();
                var restartedPort = "127.0.0.1:" + portOf(base, 1);
                load.awaitAnsweredBy(restartedPort, MAX_TIME);
            } finally {
                load.stop();
            }
            assertThat(load.failures).as("GETs that failed while a backend was killed and restarted").isEmpty();
            assertThat(load.successes.get()).isGreaterThan(200);
        }
        assertThat(TestLaunch.alive(seen)).as("processes left after stop").isEmpty();
        assertThat(ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("benchtarget-daemon.jar")).toList())
                .as("backend JVMs still running").isEmpty();
    }

    private static int portOf(URI base, int index) throws Exception {
        var listing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/backends")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var matcher = java.util.regex.Pattern.compile("\"index\" : " + index + ",[^}]*?\"url\" : \"http://127.0.0.1:(\\d+)\"", java.util.regex.Pattern.DOTALL).matcher(listing);
        assertThat(matcher.find()).as("/backends lists backend %d: %s", index, listing).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** GETs of /hello and /db?id=N from a few clients until stopped or bounded. */
    private static final class Load {
        private final URI base;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger successes = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final Set<String> answeredBy = ConcurrentHashMap.newKeySet();
        private final List<Thread> threads = new ArrayList<>();
        private final Instant end = Instant.now().plus(MAX_TIME);

        Load(URI base) {
            this.base = base;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                threads.add(Thread.ofVirtual().start(this::run));
            }
        }

        private void run() {
            int n = 0;
            while (running.get() && sent.incrementAndGet() <= MAX_REQUESTS && Instant.now().isBefore(end)) {
                var path = n++ % 2 == 0 ? "/hello" : "/db?id=" + (1 + n % 10);
                try {
                    var response = client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200) {
                        successes.incrementAndGet();
                        response.headers().firstValue("x-backend").ifPresent(answeredBy::add);
                    } else {
                        failures.add(path + ": " + response.statusCode());
                    }
                } catch (Exception e) {
                    failures.add(path + ": " + e);
                }
            }
        }

        void awaitSuccesses(int count) throws InterruptedException {
            while (successes.get() < count && Instant.now().isBefore(end)) {
                Thread.sleep(20);
            }
        }

        void awaitAnsweredBy(String backend, Duration limit) throws InterruptedException {
            answeredBy.clear();
            var deadline = Instant.now().plus(limit);
            while (!answeredBy.contains(backend) && Instant.now().isBefore(deadline) && running.get()) {
                Thread.sleep(50);
            }
            assertThat(answeredBy).as("the restarted backend answers again").contains(backend);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (var thread : threads) {
                thread.join(Duration.ofSeconds(40));
            }
            client.close();
        }
    }
}
