package org.benchtarget.daemon;

import org.benchtarget.core.config.Settings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SIGKILL a backend while GETs run through the front: the front routes around it (retrying the
 * GETs that were on it), the supervisor starts a new one at the same address, and once it is
 * healthy the front uses it again (its pid answers /info): not one GET fails. Bounded: 4 clients, at most 50,000 requests or 120 s.
 */
class DaemonSupervisionIT {
    private static final int CLIENTS = 4;
    private static final int MAX_REQUESTS = 50_000;
    private static final Duration MAX_TIME = Duration.ofSeconds(120);

    @Test
    void killedBackendIsReplacedAndGetsKeepSucceeding() throws Exception {
        killAndReplace(TestLaunch.settings());
    }

    /** The same behind HAProxy over Unix sockets: the connect check, the GET retried elsewhere, the socket remade. */
    @Test
    void killedBackendIsReplacedBehindHaproxyOverUnixSockets() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "haproxy is not installed");
        killAndReplace(TestLaunch.settings("front=haproxy", "proxy=uds", "backend=jetty"));
    }

    /** The same behind the Jetty front over Unix sockets: the GETs on the killed backend sent to the other, the socket remade. */
    @Test
    void killedBackendIsReplacedBehindJettyOverUnixSockets() throws Exception {
        killAndReplace(TestLaunch.settings("front=jetty", "proxy=uds", "backend=jetty"));
    }

    private static void killAndReplace(Settings settings) throws Exception {
        var seen = new ArrayList<Long>();
        List<Long> after;
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
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
                awaitAnsweredBy(base, after.get(0));
            } finally {
                load.stop();
            }
            assertThat(load.failures).as("GETs that failed while a backend was killed and restarted").isEmpty();
            assertThat(load.successes.get()).isGreaterThan(200);
        }
        assertThat(TestLaunch.alive(seen)).as("processes left after stop").isEmpty();
        assertThat(ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").matches(".*benchtarget-(daemon|jetty)[.]jar.*")).toList())
                .as("backend JVMs still running").isEmpty();
    }

    /** The restarted backend answers through the front again: its pid in /info, within a bounded number of tries. */
    private static void awaitAnsweredBy(URI base, long pid) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var pids = new java.util.HashSet<String>();
            for (int i = 0; i < 200 && !pids.contains(Long.toString(pid)); i++) {
                var info = client.send(HttpRequest.newBuilder(base.resolve("/info")).build(), HttpResponse.BodyHandlers.ofString()).body();
                var matcher = java.util.regex.Pattern.compile("\"pid\" : (\\d+)").matcher(info);
                if (matcher.find()) {
                    pids.add(matcher.group(1));
                }
                Thread.sleep(20);
            }
            assertThat(pids).as("the restarted backend answers again").contains(Long.toString(pid));
        }
    }

    /** GETs of /hello and /db?id=N from a few clients until stopped or bounded. */
    private static final class Load {
        private final URI base;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger successes = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
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

        void stop() throws InterruptedException {
            running.set(false);
            for (var thread : threads) {
                thread.join(Duration.ofSeconds(40));
            }
            client.close();
        }
    }
}
