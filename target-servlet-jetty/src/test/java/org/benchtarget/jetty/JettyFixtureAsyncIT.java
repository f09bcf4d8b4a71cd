package org.benchtarget.jetty;

import org.benchtarget.bench.verify.HangUps;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /delay and /stream on embedded Jetty (servlet-adapter's AsyncContext with non-blocking writes) hold no thread while
 * they wait, and 1,000 clients that hang up mid-delay or mid-stream leave nothing behind, read from /metrics. Jetty
 * does not read an HTTP/1.1 connection whose request is suspended (jetty/jetty.project#824), so it sees the hang-up at
 * the next write: a delay's end, a stream's next chunk. Until then a hung-up delay is a timer entry, not a thread.
 */
class JettyFixtureAsyncIT {
    private static JettyServer server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        var settings = SettingsParser.parse("jetty-threads", Map.of(), sets);
        server = JettyServer.newServer(App.create(settings), settings).start();
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void clientsHangingUpMidDelayFreeEverything() throws Exception {
        assertThat(HangUps.check(base, 1000, "/delay/fixed:2s", Duration.ofSeconds(6))).isEmpty();
    }

    @Test
    void clientsHangingUpMidStreamFreeEverything() throws Exception {
        assertThat(HangUps.check(base, 1000, "/stream/1000?interval=1s&size=1k", Duration.ofSeconds(6))).isEmpty();
    }
}
