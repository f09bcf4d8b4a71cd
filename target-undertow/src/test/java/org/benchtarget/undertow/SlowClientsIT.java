package org.benchtarget.undertow;

import org.benchtarget.bench.soak.SlowClients;
import org.benchtarget.bench.soak.SoakSizes;
import org.benchtarget.bench.soak.SoakTable;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 slow clients of each kind (bodies, heads, reads; bench soak's quick form, 6 s each) against Undertow with
 * its fixed pool and with nio's dispatch pool (H2, the default 30 s idle timeout): probes of /hello and /db all
 * answer 200 meanwhile. Before bodies were read on the IO thread, 1,000 slow bodies held every worker.
 */
class SlowClientsIT {

    @ParameterizedTest
    @ValueSource(strings = {"undertow-threads", "undertow-nio"})
    void slowClientsHoldNoWorker(String profile) throws Exception {
        var settings = SettingsParser.parse(profile, Map.of(), List.of("host=127.0.0.1", "port=0"));
        try (var server = UndertowServer.newServer(App.create(settings), settings).start()) {
            var rows = SlowClients.rows(URI.create("http://127.0.0.1:" + server.port()), SoakSizes.quick());
            System.out.println(SoakTable.render(profile + ", in-process", rows));
            assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.passed()).as("%s: %s", row.test(), row.detail()).isTrue());
        }
    }
}
