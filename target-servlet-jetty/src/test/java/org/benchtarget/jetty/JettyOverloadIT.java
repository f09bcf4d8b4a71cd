package org.benchtarget.jetty;

import org.benchtarget.bench.soak.Overload;
import org.benchtarget.bench.soak.SlowClients;
import org.benchtarget.bench.soak.SoakSizes;
import org.benchtarget.bench.soak.SoakTable;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload against embedded Jetty (jetty-threads, H2): 1,000 and 2,000 connections held open at once on
 * /hello and /db (bench soak's quick form, 2 s each): nothing refused, reset or unanswered, no 5xx. And 1,000 slow
 * clients of each kind (bodies, heads, reads; 6 s each): probes of /hello and /db all answer 200 meanwhile.
 */
class JettyOverloadIT {

    @Test
    void holdsTwoThousandConnectionsWithoutErrors() throws Exception {
        var settings = SettingsParser.parse("jetty-threads", Map.of(), List.of("host=127.0.0.1", "port=0"));
        try (var server = JettyServer.newServer(App.create(settings), settings).start()) {
            var rows = Overload.rows(URI.create("http://127.0.0.1:" + server.port()), SoakSizes.quick());
            System.out.println(SoakTable.render("jetty-threads, in-process", rows));
            assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.passed()).as("%s: %s", row.test(), row.detail()).isTrue());
        }
    }

    @Test
    void slowClientsHoldNoThread() throws Exception {
        // the default idle timeout (30 s): a server that gave each slow body a thread would have none left all along
        var settings = SettingsParser.parse("jetty-threads", Map.of(), List.of("host=127.0.0.1", "port=0"));
        try (var server = JettyServer.newServer(App.create(settings), settings).start()) {
            var rows = SlowClients.rows(URI.create("http://127.0.0.1:" + server.port()), SoakSizes.quick());
            System.out.println(SoakTable.render("jetty-threads, in-process", rows));
            assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.passed()).as("%s: %s", row.test(), row.detail()).isTrue());
        }
    }
}
