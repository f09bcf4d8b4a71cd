package org.benchtarget.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.benchtarget.core.App;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DatabaseUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** db.wait against a real PostgreSQL that is not there at first, then is. */
class DatabaseWaitIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void holdsThePortWith503UntilTheDatabaseComesThenStarts(@TempDir Path dir) throws Exception {
        int pgPort = freePort();
        int appPort = freePort();
        var settings = settings(pgPort, appPort, "60s");
        var starting = CompletableFuture.supplyAsync(() -> App.create(settings));

        var health = awaitAnswer(appPort, "/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).startsWith("starting: the database cannot be reached yet");
        assertThat(health.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(get(appPort, "/hello").statusCode()).isEqualTo(503);
        assertThat(starting).isNotDone();

        try (var postgres = EmbeddedPostgres.builder().setPort(pgPort).setOverrideWorkingDirectory(dir.toFile())
                .setServerConfig("fsync", "off").start();
             var app = starting.get(90, TimeUnit.SECONDS)) {
            assertThat(postgres.getPort()).isEqualTo(pgPort);
            assertThat(app.settings().port()).isEqualTo(appPort);
            // the hold let go of the port: the real server can bind it
            try (var socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", appPort));
            }
        }
    }

    @Test
    void withoutDbWaitAnUnreachableDatabaseEndsTheStartAtOnce() throws IOException {
        var settings = settings(freePort(), 0, "0s");
        assertThatThrownBy(() -> App.create(settings))
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageStartingWith("cannot open the database postgres jdbc:postgresql://127.0.0.1:")
                .hasMessageNotContaining("waited");
    }

    @Test
    void givesUpWhenDbWaitHasPassed() throws IOException {
        var settings = settings(freePort(), 0, "2s");
        assertThatThrownBy(() -> App.create(settings))
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageEndingWith("(waited 2s, db.wait)");
    }

    private static Settings settings(int pgPort, int appPort, String wait) {
        return SettingsParser.parse(null, Map.of(), List.of("db=postgres", "db.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "db.user=postgres", "db.wait=" + wait, "host=127.0.0.1", "port=" + appPort));
    }

    private HttpResponse<String> awaitAnswer(int port, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return get(port, path);
            } catch (IOException refused) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing answered on port " + port + " within 30 s", refused);
                }
                Thread.sleep(100);
            }
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
