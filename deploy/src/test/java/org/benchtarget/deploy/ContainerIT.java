package org.benchtarget.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image built on the local base (see {@link Images}) under podman: every kind of target passes bench verify (run
 * from the same image, the load side), runs as its own user, stops gracefully under load, and fails plainly.
 */
class ContainerIT {
    private static final Duration START = Duration.ofMinutes(3);
    /** The default shutdown.timeout (README's knob table): in-flight requests get that long after SIGTERM. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /** As deploy/kubernetes runs the target: a read-only root, writable only where the manifests mount an emptyDir. */
    private static final List<String> READ_ONLY = List.of("--read-only", "--tmpfs", "/tmp:rw,mode=1777",
            "--tmpfs", "/opt/benchtarget/runs:rw,U", "--tmpfs", "/var/lib/benchtarget:rw,U"); // U: owned by the image's user, as fsGroup does

    /**
     * What the nginx front cannot do (docs/targets.md): name itself benchtarget-* in the Server header of the files it
     * serves, and fan a run window out to every backend.
     */
    private static final List<String> NGINX_CANNOT = List.of("every response: Server benchtarget-*, a current Date (IMF-fixdate)",
            "run window: POST opens, DELETE closes with counts; wrong order is 409");

    /** Each profile on a read-only root filesystem (as the Kubernetes manifests run it), bench verify from the image. */
    @ParameterizedTest
    @ValueSource(strings = {"undertow-nio", "jetty-threads", "spring-jetty", "jetty-container", "daemon-p2-t10", "daemon-nginx-p2-t10"})
    void everyKindOfTargetPassesBenchVerify(String profile) throws Exception {
        var image = Images.target();
        try (var target = Container.start(image, Map.of("BENCH_PROFILE", profile), READ_ONLY)) {
            target.awaitStatus("/health", 200, START);
            assertThat(target.get("/info").body()).contains("\"profile\"").contains(profile);
            // the load side is the same image: bench verify from a container on the host's network
            var verify = new ArrayList<>(List.of("run", "--rm", "--network", "host"));
            verify.addAll(Podman.LIMITS);
            verify.addAll(List.of(image, "verify", "http://127.0.0.1:" + target.port, "--only", "contract,security"));
            var result = Podman.run(Duration.ofMinutes(10), verify.toArray(String[]::new));
            var failed = result.output().lines().filter(line -> line.startsWith("FAIL ")).map(line -> line.substring(5)).toList();
            if (profile.startsWith("daemon-nginx")) {
                // as NginxFrontIT outside: the two things open-source nginx cannot do, nothing else
                assertThat(failed).as("bench verify against %s:\n%s", profile, result.output()).isSubsetOf(NGINX_CANNOT);
                assertThat(result.output()).containsPattern("\\d+ checks: \\d+ passed, [0-2] failed");
                return;
            }
            assertThat(result.exit()).as("bench verify against %s:\n%s\ntarget log:\n%s", profile, result.output(), target.logs()).isZero();
            assertThat(result.output()).containsPattern("\\d+ checks: \\d+ passed, 0 failed");
        }
    }

    @Test
    void runsAsItsOwnUserWithHealthCheckLabelsAndTheAotCache() throws Exception {
        var image = Images.target();
        long start = System.nanoTime();
        try (var target = Container.start(image, Map.of())) {
            target.awaitStatus("/hello", 200, START);
            System.out.printf("deploy: undertow-nio in a container: first 200 on /hello %d ms after podman run%n", (System.nanoTime() - start) / 1_000_000);
            target.awaitStatus("/health", 200, START);

            assertThat(target.exec("id", "-u").expectSuccess("id -u").output().strip()).isEqualTo("10001");
            var processes = Podman.run(Duration.ofSeconds(30), "top", target.name, "user", "args").expectSuccess("podman top").output();
            var javas = processes.lines().filter(line -> line.contains("java")).toList();
            assertThat(javas).as(processes).hasSize(2); // bench (PID 1) and the target's JVM
            assertThat(javas).allSatisfy(line -> assertThat(line.strip()).startsWith("bench "));
            // the target starts on the AOT cache recorded at image build, not recording one
            assertThat(javas).anySatisfy(line -> assertThat(line).contains("-XX:AOTCache=/opt/benchtarget/target-undertow/target/"));
            assertThat(target.logs()).doesNotContain("records");

            assertThat(Podman.run(Duration.ofSeconds(30), "healthcheck", "run", target.name).exit()).isZero();
            assertThat(target.inspect("{{index .Config.Labels \"org.opencontainers.image.revision\"}}")).isEqualTo(Images.revision).hasSize(40);
            assertThat(target.inspect("{{index .Config.Labels \"org.opencontainers.image.version\"}}")).isNotBlank().isNotEqualTo("unknown");
            assertThat(target.inspect("{{.Config.User}}")).isEqualTo("10001:10001");
            // no compiler, no Maven, no sources in the image
            var tools = target.exec("bash", "-c", "ls /opt/java/openjdk/bin; command -v mvn || true; find /opt/benchtarget -name '*.java' | head -1");
            assertThat(tools.output()).contains("java").doesNotContain("javac").doesNotContain("mvn").doesNotContain(".java\n");
        }
    }

    @Test
    void podmanStopUnderLoadStopsGracefullyWithinTheShutdownTimeout() throws Exception {
        var image = Images.target();
        try (var target = Container.start(image, Map.of("BENCH_INJECT_HEADERS", "on"))) {
            target.awaitStatus("/health", 200, START);
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var stop = new AtomicBoolean();
            var complete = new AtomicInteger();
            var truncated = new ConcurrentLinkedQueue<String>();
            var row1 = target.get("/db?id=1").body();
            assertThat(row1).hasSize(2500);
            try (var pool = Executors.newFixedThreadPool(10)) {
                var drivers = new ArrayList<Future<?>>();
                for (int i = 0; i < 6; i++) {
                    drivers.add(pool.submit(() -> {
                        var request = HttpRequest.newBuilder(target.url("/db?id=1")).timeout(Duration.ofSeconds(30)).build();
                        while (!stop.get()) {
                            try {
                                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 200 && response.body().equals(row1)) {
                                    complete.incrementAndGet();
                                } else if (response.statusCode() != 503) { // 503 with Retry-After: refused while stopping
                                    truncated.add(response.statusCode() + " with " + response.body().length() + " chars");
                                }
                            } catch (IOException refused) {
                                // connection refused or closed before an answer: not an answered request
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(1500);
                // in flight when SIGTERM arrives: 2 s requests, which the graceful stop lets finish
                var slow = new ArrayList<Future<HttpResponse<String>>>();
                for (int i = 0; i < 3; i++) {
                    slow.add(pool.submit(() -> http.send(HttpRequest.newBuilder(target.url("/hello")).header("X-Delay", "2s")
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())));
                }
                Thread.sleep(300);
                int before = complete.get();
                var stopped = Podman.run(Duration.ofMinutes(2), "stop", "--time", "30", target.name);
                stop.set(true);
                for (var driver : drivers) {
                    driver.get();
                }
                assertThat(stopped.exit()).as(stopped.output()).isZero();
                assertThat(stopped.took()).as("podman stop took %s", stopped.took()).isLessThan(SHUTDOWN_TIMEOUT.plusSeconds(5));
                // bench (PID 1) exits as a JVM stopped by SIGTERM does, never killed (137)
                assertThat(target.inspect("{{.State.ExitCode}}")).isIn("0", "143");
                for (var request : slow) {
                    var response = request.get();
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).hasSize(24);
                }
                assertThat(before).as("requests answered under load before the stop").isGreaterThan(50);
                assertThat(truncated).as("answers that were not the whole row").isEmpty();
                assertThat(target.logs()).contains("stopped");
            }
        }
    }

    @Test
    void aBadKnobInTheEnvironmentStopsTheContainerWithOneLine() throws Exception {
        var run = runToEnd(Map.of("BENCH_WORKERS", "fibers"));
        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.output().lines().filter(line -> !line.isBlank()).toList())
                .containsExactly("bench: workers=fibers: expected one of threads, nio, virtual");
    }

    /**
     * PostgreSQL unreachable when the container starts (it may come up later, beside it): the image's BENCH_DB_WAIT=10m
     * keeps the container up, every path answering 503 (so the health check and the probes say "not yet"), and the log
     * says why in one line, no stack trace, no crash loop.
     */
    @Test
    void anUnreachableDatabaseAtStartIsA503AndOneLogLineNotACrashLoop() throws Exception {
        try (var target = Container.start(Images.target(), UNREACHABLE_DB)) {
            target.awaitStatus("/health", 503, START);
            var health = target.get("/health");
            assertThat(health.body()).startsWith("starting: the database cannot be reached yet");
            assertThat(health.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(target.get("/hello").statusCode()).isEqualTo(503);
            assertThat(target.running()).isTrue();
            assertThat(target.inspect("{{.RestartCount}}")).isEqualTo("0");
            var logs = target.logs();
            assertThat(logs).contains("cannot open the database postgres jdbc:postgresql://127.0.0.1:9/benchtarget")
                    .containsIgnoringCase("connection refused").contains("waiting up to 10m (db.wait)")
                    .doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    /** With BENCH_DB_WAIT=0s the start ends at once: one line, exit 1, no stack trace. */
    @Test
    void withoutDbWaitAnUnreachableDatabaseIsOneLineAndAnExit() throws Exception {
        var env = new HashMap<>(UNREACHABLE_DB);
        env.put("BENCH_DB_WAIT", "0s");
        var run = runToEnd(env);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        var lines = run.output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as(run.output()).hasSize(1);
        assertThat(lines.getFirst()).contains("cannot start").containsIgnoringCase("connection refused");
    }

    /** Port 9 (discard) on the container's own loopback: nothing listens there. */
    private static final Map<String, String> UNREACHABLE_DB = Map.of("BENCH_DB", "postgres",
            "BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:9/benchtarget", "BENCH_DB_USER", "bench", "BENCH_DB_PASSWORD", "not-used");

    /** Runs the image attached until it exits; its exit code and podman logs' output. */
    private static Podman.Result runToEnd(Map<String, String> env) throws IOException {
        var image = Images.target();
        var name = "benchtarget-it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var command = new ArrayList<>(List.of("run", "--name", name));
        env.forEach((key, value) -> command.addAll(List.of("--env", key + "=" + value)));
        command.addAll(Podman.LIMITS);
        command.add(image);
        try {
            var run = Podman.run(Duration.ofMinutes(2), command.toArray(String[]::new));
            var logs = Podman.run(Duration.ofSeconds(30), "logs", name).expectSuccess("podman logs");
            return new Podman.Result(run.exit(), logs.output(), run.took());
        } finally {
            Podman.run(Duration.ofMinutes(1), "rm", "--force", "--time", "0", name);
        }
    }
}
