package org.benchtarget.spring;

import org.benchtarget.bench.soak.Overload;
import org.benchtarget.bench.soak.SlowClients;
import org.benchtarget.bench.soak.SoakSizes;
import org.benchtarget.bench.soak.SoakTable;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload against Spring Boot on Jetty (spring-jetty, H2): 1,000 and 2,000 connections held open at once on
 * /hello and /db (bench soak's quick form, 2 s each): nothing refused, reset or unanswered, no 5xx. And 1,000 slow
 * clients of each kind (bodies, heads, reads; 6 s each): probes of /hello and /db all answer 200 meanwhile.
 */
class SpringOverloadIT {

    @BeforeAll
    static void tmpdir() throws IOException {
        // the build points java.io.tmpdir under target/; Spring's Jetty makes its docbase there
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void holdsTwoThousandConnectionsWithoutErrors() throws Exception {
        var settings = SettingsParser.parse("spring-jetty", Map.of(), List.of("host=127.0.0.1", "port=0"));
        try (var server = SpringServer.newServer(settings).start()) {
            var rows = Overload.rows(URI.create("http://127.0.0.1:" + server.port()), SoakSizes.quick());
            System.out.println(SoakTable.render("spring-jetty, in-process", rows));
            assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.passed()).as("%s: %s", row.test(), row.detail()).isTrue());
        }
    }

    @Test
    void slowClientsHoldNoThread() throws Exception {
        // the default idle timeout (30 s): a server that gave each slow body a thread would have none left all along
        var settings = SettingsParser.parse("spring-jetty", Map.of(), List.of("host=127.0.0.1", "port=0"));
        try (var server = SpringServer.newServer(settings).start()) {
            var rows = SlowClients.rows(URI.create("http://127.0.0.1:" + server.port()), SoakSizes.quick());
            System.out.println(SoakTable.render("spring-jetty, in-process", rows));
            assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.passed()).as("%s: %s", row.test(), row.detail()).isTrue());
        }
    }
}
