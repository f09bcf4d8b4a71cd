package org.benchtarget.jetty;

import org.benchtarget.bench.verify.HoldOpen;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 delayed requests held open at once on embedded Jetty (a client in its own JVM opens 10,000 connections, each
 * asking once for /delay/fixed:8s, long enough for all to be open together on a busy machine; /delay/fixed:1s held at
 * 10,000 needs 10,000 answers a second, see docs/fixture.md for that run): every one answered 200, none refused or
 * reset, the target's thread count grows by fewer than 500 (a thread held per delay would add 9,000) and its RSS by
 * less than 128 MB over the most a warm-up with a tenth of them took. The target shares this test JVM's heap, whose
 * growth under the burst is most of the RSS figure (Jetty: +37 MB on a quiet machine, +79 MB on a busy one).
 * max-connections (10,000 by default) leaves room for the /metrics reads. Memory, not speed: no timing is asserted.
 */
class JettyFixtureMemoryIT {

    @Test
    void tenThousandOpenDelaysCostLittleMemory() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "max-connections=11000"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        var settings = SettingsParser.parse("jetty-threads", Map.of(), sets);
        try (var server = JettyServer.newServer(App.create(settings), settings).start()) {
            var base = URI.create("http://127.0.0.1:" + server.port());
            var held = HoldOpen.measure(base, ProcessHandle.current().pid(), 10_000, "/delay/fixed:8s", Duration.ofSeconds(1));
            System.out.println("%s: %s".formatted("jetty-threads", held));
            assertThat(held.failures(10_000, 128L * 1024 * 1024)).isEmpty();
        }
    }
}
