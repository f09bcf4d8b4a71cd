package org.benchtarget.e2e;

import org.benchtarget.bench.soak.SoakSizes;
import org.benchtarget.bench.soak.SoakSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's store under {@code bench soak}'s "no lost surveys": with {@code survey.store=cassandra} on a real node that
 * the suite starts (one for every profile), 50 robots complete 1,000 responses (the last page posted twice every tenth)
 * in-process on Undertow (undertow-nio-cassandra) and on Spring (spring-jetty-cassandra), and in daemon mode
 * (daemon-p2-t10, again while a backend is SIGKILLed mid-run, the robots retrying what failed). Every completion a robot saw must be in Cassandra exactly once with its answers,
 * nothing else stored, no draft left: the rows are compared token by token with what the robots saw.
 */
class CassandraSoakIT {
    private static final Path OUT = Path.of("target", "soak-cassandra");

    @BeforeAll
    static void benchHome() {
        // failsafe runs in e2e/; the clone's root holds the built jars and the Cassandra node's
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
    }

    @AfterEach
    void nothingLeftRunning() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    @Test
    void everyCompletionIsStoredOnceInCassandraInProcessAndWithAKilledBackend() throws Exception {
        var quick = SoakSizes.quick();
        var sizes = new SoakSizes(quick.connections(), quick.hold(), quick.requestTimeout(), 50, 1_000, quick.surveyMaxTime(),
                quick.outage(), quick.shutdownUsers(), quick.slow());
        var tables = SoakSuite.run(List.of("undertow-nio-cassandra", "spring-jetty-cassandra", "daemon-p2-t10"), SoakSuite.chosen(List.of("surveys")), sizes,
                List.of("survey.store=cassandra"), OUT, new PrintStream(System.out, true));

        assertThat(tables.get("undertow-nio-cassandra")).extracting(row -> row.test()).containsExactly("surveys, exactly once");
        assertThat(tables.get("spring-jetty-cassandra")).extracting(row -> row.test()).containsExactly("surveys, exactly once");
        assertThat(tables.get("daemon-p2-t10")).extracting(row -> row.test())
                .containsExactly("surveys, exactly once", "surveys, backend killed");
        tables.forEach((profile, rows) -> assertThat(rows).allSatisfy(row -> {
            assertThat(row.passed()).as("%s %s: %s", profile, row.test(), row.detail()).isTrue();
            assertThat(row.detail()).as("%s %s", profile, row.test()).contains("lost 0, doubled 0", "partial 0, drafts left 0");
        }));
    }
}
