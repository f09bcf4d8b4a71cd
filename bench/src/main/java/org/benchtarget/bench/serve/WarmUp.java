package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench serve --warm}: sends the target's benchmark endpoints (hello, db, home) their warm-up
 * requests from a few connections, then waits until /ready answers 200 (the target counts too, and may
 * also wait for its JIT to be quiet: warmup.jit-quiet).
 */
public final class WarmUp {
    private static final List<String> PATHS = List.of("/hello", "/db", "/");
    private static final int CONNECTIONS = 4;
    /** The longest warmup.jit-quiet, and as long again for the JIT to settle. */
    private static final Duration JIT_PATIENCE = Duration.ofMinutes(20);

    private WarmUp() {
    }

    public static void run(String host, int port, int requestsPerEndpoint) throws Exception {
        var base = "http://" + (host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host) + ":" + port;
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(CONNECTIONS)) {
            var futures = new ArrayList<Future<?>>();
            for (var path : PATHS) {
                for (int c = 0; c < CONNECTIONS; c++) {
                    int share = requestsPerEndpoint / CONNECTIONS + (c < requestsPerEndpoint % CONNECTIONS ? 1 : 0);
                    futures.add(pool.submit(() -> {
                        var request = HttpRequest.newBuilder(URI.create(base + path)).build();
                        for (int i = 0; i < share; i++) {
                            client.send(request, HttpResponse.BodyHandlers.discarding());
                        }
                        return null;
                    }));
                }
            }
            for (var future : futures) {
                future.get();
            }
        }
        var ready = HttpRequest.newBuilder(URI.create(base + "/ready")).build();
        long sent = System.nanoTime();
        while (true) {
            var response = client.send(ready, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                System.out.printf("bench: warmed up with %d requests per endpoint (%s) in %.1f s; /ready: %s%n",
                        requestsPerEndpoint, String.join(", ", PATHS), (System.nanoTime() - start) / 1e9, response.body());
                return;
            }
            // the requests are counted at once; a JIT-quiet period (warmup.jit-quiet, at most 10m) takes longer
            var patience = response.body().contains("jit-quiet") ? JIT_PATIENCE : Duration.ofSeconds(5);
            if (System.nanoTime() - sent > patience.toNanos()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new BenchException("warm-up sent but /ready did not turn 200: " + client.send(ready, HttpResponse.BodyHandlers.ofString()).body());
    }
}
