package org.benchtarget.undertow;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /metrics on a fresh undertow-nio: real worker values (no busy -1, the pool's size, not 0), and a scrape once every
 * endpoint answered small enough to take every second during a run (it was 2,940 lines, 208 KB, 2,576 of them buckets).
 */
class MetricsScrapeIT {

    @Test
    void realWorkerValuesAndAScrapeAUserReads() throws Exception {
        try (var server = H2Target.start("undertow-nio", "host=127.0.0.1", "threads=12");
             var client = HttpClient.newHttpClient()) {
            var base = URI.create("http://127.0.0.1:" + server.port());
            var fresh = get(client, base, "/metrics");
            assertThat(fresh).doesNotContain("bench_workers_busy -1").contains("bench_workers_size 12.0").doesNotContain("bench_workers_size 0.0");

            for (var path : List.of("/hello", "/db", "/", "/login", "/hello.txt", "/static/site.css", "/nope", "/surveys", "/surveys/1",
                    "/health", "/info", "/ready", "/wall/1", "/db?id=x")) {
                get(client, base, path);
                client.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            var scrape = get(client, base, "/metrics");
            long lines = scrape.lines().count();
            int bytes = scrape.getBytes(StandardCharsets.UTF_8).length;
            assertThat(lines).as("lines of one scrape").isLessThan(600);
            assertThat(bytes).as("bytes of one scrape").isLessThan(60_000);
            assertThat(scrape).doesNotContain("_bucket{")
                    .contains("http_server_queue_seconds{endpoint=\"db\",quantile=\"0.99\"}", "http_server_service_seconds{endpoint=\"hello\",quantile=\"0.5\"}",
                            "http_server_requests_seconds_count{endpoint=\"db\"", "bench_requests_busy", "bench_workers_started");
        }
    }

    private static String get(HttpClient client, URI base, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
