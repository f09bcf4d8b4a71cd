package org.benchtarget.jetty;

import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that waited for a worker thread say so in Server-Timing's queue on embedded Jetty: the pool stamps
 * queued jobs, and the request's arrival is Jetty's begin time less that wait (as on Spring).
 */
class JettyServerTimingIT {
    private static final Pattern QUEUE = Pattern.compile("queue;dur=([\\d.]+)");

    @Test
    void serverTimingQueueIncludesTheWaitForAWorker() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "threads=2", "io-threads=1", "inject.headers=on"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.h2()));
        var settings = SettingsParser.parse("jetty-threads", Map.of(), sets);
        try (var server = JettyServer.newServer(App.create(settings), settings).start()) {
            var client = HttpClient.newHttpClient();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hello"))
                    .header("X-Delay", "300ms").build();
            var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 6; i++) {
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            var queueMillis = new ArrayList<Double>();
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.statusCode()).isEqualTo(200);
                var timing = response.headers().firstValue("Server-Timing").orElseThrow();
                var queue = QUEUE.matcher(timing);
                assertThat(queue.find()).as("a queue entry in %s", timing).isTrue();
                queueMillis.add(Double.parseDouble(queue.group(1)));
            }
            // at most three threads serve (two workers and Jetty's reserved one): some requests waited 300 ms or more
            assertThat(queueMillis.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).as("queue ms %s", queueMillis)
                    .isGreaterThan(250);
        }
    }
}
