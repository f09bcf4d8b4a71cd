package org.benchtarget.e2e;

import org.benchtarget.bench.serve.TargetJvm;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar as users run it: a separate JVM, started and stopped by PID. */
class ServeProcessIT {
    private static final Path JAR = Path.of("..", "target-undertow", "target", "benchtarget-undertow.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private record Started(Process process, int port, List<String> output, Thread reader) {
    }

    private static Process launch(String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(TargetJvm.options(List.of()));
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Started start(String... args) throws Exception {
        var process = launch(args);
        var output = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var port = new java.util.concurrent.CompletableFuture<Integer>();
        var reader = Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    var matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("exited before listening: " + output));
        });
        return new Started(process, port.get(60, TimeUnit.SECONDS), output, reader);
    }

    @Test
    void servesThenStopsGracefullyOnSigterm() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as("built jar").isTrue();
        var started = start("undertow-threads", "--set", "port=0", "--set", "host=127.0.0.1");
        try {
            var client = HttpClient.newHttpClient();
            var base = "http://127.0.0.1:" + started.port();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/hello")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            // Load from 16 clients while SIGTERM arrives: every answer is whole; nothing is cut off or a 5xx other than 503.
            var statuses = new ConcurrentLinkedQueue<Integer>();
            var bad = new ConcurrentLinkedQueue<String>();
            var running = new AtomicBoolean(true);
            try (var pool = Executors.newFixedThreadPool(16)) {
                for (int i = 0; i < 16; i++) {
                    pool.submit(() -> {
                        for (int n = 0; n < 2_000 && running.get(); n++) {
                            try {
                                var response = client.send(HttpRequest.newBuilder(URI.create(base + "/db")).timeout(Duration.ofSeconds(10)).build(),
                                        HttpResponse.BodyHandlers.ofByteArray());
                                statuses.add(response.statusCode());
                                if (response.statusCode() == 200 && response.body().length != 2_500) {
                                    bad.add("truncated body: " + response.body().length);
                                }
                            } catch (IOException closed) {
                                return; // connection refused or closed after the server stopped accepting
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                }
                Thread.sleep(500);
                started.process().toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its stdout)
                assertThat(started.process().waitFor(20, TimeUnit.SECONDS)).as("exits within 20 s").isTrue();
                running.set(false);
            }
            started.reader().join(5_000);
            assertThat(bad).isEmpty();
            assertThat(statuses).isNotEmpty().allMatch(status -> status == 200 || status == 503);
            assertThat(started.output()).anyMatch(line -> line.contains("stopped"));
        } finally {
            started.process().destroyForcibly();
        }
    }

    @Test
    void badKnobsStopTheStartWithOneLineAndExit2() throws Exception {
        for (var args : List.of(List.of("--set", "workers=fibers"), List.of("--set", "mode=container"), List.of("no-such-profile"),
                List.of("jetty-threads-not-a-profile", "--set", "gzip=maybe"))) {
            var process = launch(args.toArray(String[]::new));
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            var output = new String(process.getInputStream().readAllBytes()).strip();
            assertThat(process.exitValue()).as("exit of %s: %s", args, output).isEqualTo(2);
            assertThat(output.lines().filter(line -> !line.startsWith("WARNING")).toList()).as("output of %s", args).hasSize(1);
        }
    }

    @Test
    void unreachableDatabaseStopsTheStartWithOneLineAndExit1() throws Exception {
        var process = launch("--set", "port=0", "--set", "db=postgres", "--set", "db.url=jdbc:postgresql://127.0.0.1:1/none");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("benchtarget-undertow: cannot start:");
    }

    /**
     * A virtual thread per request must not keep pooled buffers for itself: with Undertow's per-thread buffer cache,
     * 20,000 connections of one request each ran the launcher's 32 MB of direct memory out (OutOfMemoryError in the
     * target, timeouts at the client) after a few thousand.
     */
    @Test
    void virtualWorkersServeManyShortConnectionsWithinTheLaunchersDirectMemory() throws Exception {
        var started = start("undertow-virtual", "--set", "port=0", "--set", "host=127.0.0.1");
        var failures = new ConcurrentLinkedQueue<String>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (int client = 0; client < 50; client++) {
                pool.submit(() -> {
                    for (int i = 0; i < 400 && failures.size() < 5; i++) {
                        try (var socket = new java.net.Socket("127.0.0.1", started.port())) {
                            socket.setSoTimeout(10_000);
                            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".getBytes());
                            var answer = new String(socket.getInputStream().readAllBytes());
                            if (!answer.startsWith("HTTP/1.1 200")) {
                                failures.add(answer.lines().findFirst().orElse("(empty answer)"));
                            }
                        } catch (IOException e) {
                            failures.add(e.toString());
                        }
                    }
                });
            }
        } finally {
            started.process().destroy();
            started.process().waitFor(30, TimeUnit.SECONDS);
            started.reader().join(5_000);
        }
        assertThat(failures).as("failed requests").isEmpty();
        assertThat(started.output()).noneMatch(line -> line.contains("OutOfMemoryError"));
    }
}
