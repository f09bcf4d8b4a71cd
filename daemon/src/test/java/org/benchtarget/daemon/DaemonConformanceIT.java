package org.benchtarget.daemon;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.HttpProbe;
import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The conformance suite through daemon mode's Undertow front, with 2 backend JVMs: on H2-shared
 * (the embedded default, served by the daemon), and on PostgreSQL with the front speaking h2c to the backends
 * (proxy.protocol=h2c). Also: the front serves static files itself, balances over both backends and names the one
 * that answered; stop leaves no process.
 */
class DaemonConformanceIT {

    @TestFactory
    Stream<DynamicNode> conformsThroughTheFront() {
        return Stream.of(
                DynamicContainer.dynamicContainer("daemon p=2 t=4, H2-shared, gzip=off",
                        Stream.of(dynamicTest("all checks", () -> run(List.of("gzip=off"))))),
                DynamicContainer.dynamicContainer("daemon p=2 t=4, PostgreSQL, gzip=on, h2c to the backends",
                        Stream.of(dynamicTest("all checks", () -> {
                            var sets = new ArrayList<>(List.of("gzip=on", "proxy.protocol=h2c"));
                            sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.POSTGRES)));
                            run(sets);
                        }))));
    }

    private static void run(List<String> knobs) throws Exception {
        var settings = TestLaunch.settings(knobs.toArray(String[]::new));
        List<Long> pids;
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
            pids = daemon.backendPids();
            assertThat(pids).hasSize(2).allMatch(pid -> pid > 0);
            var base = URI.create("http://127.0.0.1:" + daemon.port());
            var failures = new ContractChecks(base).failures();
            assertTrue(failures.isEmpty(), () -> "contract checks failed through the front:\n" + String.join("\n", failures));

            // what the backend's answer crossed: HTTP/2 carries header names in lower case (RFC 9113 8.2.2), and the
            // front passes them on as it got them; HTTP/1.1 keeps the app's spelling
            assertThat(rawHead(daemon.port(), "/hello")).contains(settings.daemon().protocol() == ProxyProtocol.H2C
                    ? "\r\ncontent-type: text/plain" : "\r\nContent-Type: text/plain");

            var http = new HttpProbe(base);
            var file = http.get("/hello.txt");
            assertThat(file.header("x-backend")).as("static files come from the front").isNull();
            assertThat(file.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(file.header("server-timing")).matches("app;dur=\\d+\\.\\d{3}");
            assertThat(file.header("x-bench-mode")).startsWith("undertow,daemon,processes=2,");
            assertThat(http.get("/hello").header("x-bench-mode")).as("proxied answers say daemon").isEqualTo(file.header("x-bench-mode"));
            var answered = new HashSet<String>();
            for (int i = 0; i < 8; i++) {
                var info = http.get("/info");
                assertThat(info.status()).isEqualTo(200);
                answered.add(info.header("x-backend"));
            }
            assertThat(answered).as("round robin over both backends, each named in X-Backend").hasSize(2)
                    .allMatch(backend -> backend != null && backend.startsWith("127.0.0.1:"));
            var listing = http.get("/backends");
            assertThat(listing.status()).isEqualTo(200);
            assertThat(listing.text()).contains("\"state\" : \"up\"", "/metrics", "\"pid\" : " + pids.get(0), "\"pid\" : " + pids.get(1))
                    .doesNotContain("password");
        }
        assertThat(TestLaunch.alive(pids)).as("backends left running after stop").isEmpty();
    }

    /** The head of a GET's answer as the bytes came, header names in their case. */
    private static String rawHead(int port, String path) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            return end < 0 ? all : all.substring(0, end + 2);
        }
    }
}
