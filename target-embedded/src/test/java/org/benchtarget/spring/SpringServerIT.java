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
}
