package org.benchtarget.spring;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.HttpProbe;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring target beyond the shared suite: keepalive=off, what Jetty refuses itself, Spring's own properties. */
class SpringServerIT {

    @BeforeAll
    static void tmpdir() throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static SpringServer start(List<String> knobs, String... springArgs) {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(knobs);
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        return SpringServer.newServer(SettingsParser.parse("spring-jetty", Map.of(), sets), springArgs).start();
    }

    @Test
    void keepaliveOffPassesTheSuite() throws Exception {
        try (var server = start(List.of("keepalive=off"))) {
            var failures = new ContractChecks(URI.create("http://127.0.0.1:" + server.port())).failures();
            assertThat(failures).isEmpty();
            var response = new HttpProbe(URI.create("http://127.0.0.1:" + server.port())).rawGet("/hello");
            assertThat(response.header("connection")).isEqualToIgnoringCase("close");
        }
    }

    @Test
    void requestsJettyRefusesGetAOneLineReason() throws Exception {
        try (var server = start(List.of())) {
            var probe = new HttpProbe(URI.create("http://127.0.0.1:" + server.port()));
            for (var path : List.of("/%zz", "/static/%2e%2e/hello.txt", "/db?id=" + "1".repeat(20_000))) {
                var response = probe.rawGet(path);
                assertThat(response.status()).as(path).isBetween(400, 499);
                assertThat(response.header("content-type")).as(path).startsWith("text/plain");
                assertThat(response.header("server")).as(path).isEqualTo("benchtarget-spring");
                assertThat(response.text().strip()).as(path).isNotEmpty().doesNotContain("\n").hasSizeLessThan(200);
            }
        }
    }

    @Test
    void springsOwnPropertiesWinOverKnobs() throws Exception {
        try (var server = start(List.of(), "--server.server-header=custom")) {
            var response = new HttpProbe(URI.create("http://127.0.0.1:" + server.port())).get("/hello");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("server")).isEqualTo("custom");
        }
    }

    /**
     * Two worker threads, six requests that each hold one for 300 ms (X-Delay): the ones that waited for a
     * thread say so in Server-Timing's queue, which includes the wait in Jetty's pool queue.
     */
    @Test
    void serverTimingQueueIncludesTheWaitForAWorker() throws Exception {
        try (var server = start(List.of("threads=2", "io-threads=1", "inject.headers=on"))) {
            var client = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hello"))
                    .header("X-Delay", "300ms").build();
            var answers = new ArrayList<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>>();
            for (int i = 0; i < 6; i++) {
                answers.add(client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            var queueMillis = new ArrayList<Double>();
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.statusCode()).isEqualTo(200);
                var timing = response.headers().firstValue("Server-Timing").orElseThrow();
                var queue = java.util.regex.Pattern.compile("queue;dur=([\\d.]+)").matcher(timing);
                assertThat(queue.find()).as(timing).isTrue();
                queueMillis.add(Double.parseDouble(queue.group(1)));
            }
            // at most three threads serve (two workers and Jetty's reserved one): some requests waited 300 ms or more
            assertThat(queueMillis.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).as("queue ms %s", queueMillis)
                    .isGreaterThan(250);
        }
    }
}
