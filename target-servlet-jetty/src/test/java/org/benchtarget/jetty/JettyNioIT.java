package org.benchtarget.jetty;

import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.TestDatabases;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * workers=nio on embedded Jetty: what cannot block is answered on the selector, what may block (here: an injected
 * delay) waits for the pool. With the pool's few threads all held by delayed requests, a plain /hello still answers
 * at once; on jetty-threads it would queue behind them.
 */
class JettyNioIT {
    private static final Pattern QUEUE = Pattern.compile("queue;dur=([\\d.]+)");
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "threads=2", "io-threads=1", "inject.headers=on"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.h2()));
        var settings = SettingsParser.parse("jetty-nio", Map.of(), sets);
        server = JettyServer.newServer(App.create(settings), settings).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theHandlerTreeIsNonBlockingSoJettyCallsItOnTheSelector() {
        assertThat(server.invocationType()).isEqualTo(InvocationType.NON_BLOCKING);
    }

    @Test
    void gzipKeepsTheTreeNonBlocking() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.h2()));
        var settings = SettingsParser.parse("jetty-nio-gzip", Map.of(), sets);
        try (var gzip = JettyServer.newServer(App.create(settings), settings)) {
            assertThat(gzip.invocationType()).isEqualTo(InvocationType.NON_BLOCKING);
        }
        var threads = SettingsParser.parse("jetty-threads", Map.of(), sets);
        try (var blocking = JettyServer.newServer(App.create(threads), threads)) {
            assertThat(blocking.invocationType()).isEqualTo(InvocationType.BLOCKING);
        }
    }

    @Test
    void helloAnswersOnTheSelectorWhileEveryPoolThreadIsHeld() throws Exception {
        // A new connection is set up on a pool thread (Jetty's Accept task): the plain /hello goes over one opened
        // before the pool is full, as a kept-alive benchmark client's are.
        var plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var helloRequest = HttpRequest.newBuilder(url("/hello")).build();
        assertThat(plain.send(helloRequest, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var delayed = HttpRequest.newBuilder(url("/hello")).header("X-Delay", "2s").build();
        var held = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 5; i++) {
            held.add(client.sendAsync(delayed, HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(500); // the delayed requests reach the pool first
        var hello = plain.send(helloRequest, HttpResponse.BodyHandlers.ofString());
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(held).as("the plain /hello answered before any delayed one").noneMatch(CompletableFuture::isDone);

        var queueMillis = new ArrayList<Double>();
        for (var answer : held) {
            var response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            var queue = QUEUE.matcher(response.headers().firstValue("Server-Timing").orElseThrow());
            assertThat(queue.find()).isTrue();
            queueMillis.add(Double.parseDouble(queue.group(1)));
        }
        // dispatched from the selector, a request's queue is the wait for a pool thread (no more than three serve at once)
        assertThat(queueMillis.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).as("queue ms %s", queueMillis)
                .isGreaterThan(1_500);
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
