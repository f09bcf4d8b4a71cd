package org.benchtarget.undertow;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Injected latency and faults through headers and knobs, on the NIO worker model. */
class InjectionIT {
    private static final Pattern APP = Pattern.compile("app;dur=(\\d+)\\.");
    private final HttpClient client = HttpClient.newHttpClient();
    private App app;

    private UndertowServer start(String... knobs) {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "io-threads=1"));
        sets.addAll(List.of(knobs));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.h2()));
        var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
        app = App.create(settings);
        return UndertowServer.newServer(app, settings).start();
    }

    private HttpResponse<String> get(UndertowServer server, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void headersAreObeyedWhenAskedAndTheContractStillHolds() throws Exception {
        try (var server = start("inject.headers=on")) {
            var delayed = get(server, "/hello", "X-Delay", "120ms");
            assertThat(delayed.statusCode()).isEqualTo(200);
            assertThat(delayed.headers().firstValue("X-Injected")).hasValue("delay=120.000ms");
            var app = APP.matcher(delayed.headers().firstValue("Server-Timing").orElseThrow());
            assertThat(app.find() && Integer.parseInt(app.group(1)) >= 120).as("served after the injected delay").isTrue();

            assertThat(get(server, "/db", "X-Fail", "503@1").statusCode()).isEqualTo(503);
            assertThat(get(server, "/db", "X-Fail", "503@0").statusCode()).isEqualTo(200);
            var malformed = get(server, "/db", "X-Fail", "503@often");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).startsWith("fail '503@often': expected STATUS@PROBABILITY");
            assertThat(get(server, "/hello", "X-Delay", "11s").body()).contains("over inject.max-delay");

            var failures = new ContractChecks(URI.create("http://127.0.0.1:" + server.port())).failures();
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aDelayedRequestDoesNotHoldTheOnlyIoThread() throws Exception {
        try (var server = start("inject.headers=on")) {
            var slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(server, "/hello", "X-Delay", "3s").statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitBusy(1); // the slow request has reached the app and waits in its delay
            assertThat(get(server, "/hello").statusCode()).isEqualTo(200);
            assertThat(slow).as("the fast request finished while the delayed one still waits").isNotDone();
            assertThat(slow.get()).isEqualTo(200);
        }
    }

    @Test
    void knobsInjectPerEndpointRepeatably() throws Exception {
        List<Integer> first;
        try (var server = start("inject.fail.db=503@0.5", "inject.seed=42")) {
            first = statuses(server);
            assertThat(get(server, "/hello").statusCode()).isEqualTo(200);
            assertThat(get(server, "/hello", "X-Fail", "503@1").statusCode()).as("headers off by default").isEqualTo(200);
        }
        try (var server = start("inject.fail.db=503@0.5", "inject.seed=42")) {
            assertThat(statuses(server)).as("same seed, same sequence").isEqualTo(first);
        }
        assertThat(first).contains(200, 503);
    }

    /** Waits until {@code requests} are being served (the app's bench.requests.busy gauge), rather than for a guessed time. */
    private void awaitBusy(int requests) throws InterruptedException {
        var busy = app.metrics().registry().get("bench.requests.busy").gauge();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (busy.value() < requests) {
            assertThat(System.nanoTime() - deadline).as("requests being served: " + busy.value()).isNegative();
            Thread.sleep(5);
        }
    }

    private List<Integer> statuses(UndertowServer server) throws Exception {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 40; i++) {
            statuses.add(get(server, "/db").statusCode());
        }
        return statuses;
    }
}
