package org.benchtarget.e2e;

import org.benchtarget.bench.soak.SoakSuite;
import org.benchtarget.bench.soak.SoakSizes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload and slow clients on each worker model and server (bench soak's quick form: 1,000 and 2,000 connections held
 * on /hello and /db, 2 s each; 1,000 slow clients of each kind, bodies, heads and reads, 6 s each), each target as bench
 * starts it, with the default 30 s idle timeout, so a server that gave each slow client a worker would have none left
 * all along: nothing refused, reset or unanswered, and probes of /hello and /db all answer 200 meanwhile. SoakIT runs
 * the whole suite on undertow-nio and daemon mode.
 */
class OverloadIT {

    @BeforeAll
    static void benchHome() {
        // failsafe runs in e2e/; the clone's root holds the targets' jars
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
    }

    @Test
    void everyWorkerModelHoldsTheLoadAndTheSlowClients() throws Exception {
        // undertow-nio too, in SoakIT (the same quick sizes)
        var profiles = List.of("undertow-threads", "jetty-threads", "spring-jetty");
        var tables = SoakSuite.run(profiles, SoakSuite.chosen(List.of("overload", "slow-clients")), SoakSizes.quick(), List.of(),
                Path.of("target", "overload"), new PrintStream(System.out, true));

        assertThat(tables).containsOnlyKeys(profiles);
        tables.forEach((profile, rows) -> {
            assertThat(rows).as(profile).extracting(row -> row.test()).containsExactly("overload /hello", "overload /hello",
                    "overload /db", "overload /db", "slow bodies", "slowloris", "slow reads");
            assertThat(rows).allSatisfy(row -> assertThat(row.passed()).as("%s %s: %s", profile, row.test(), row.detail()).isTrue());
        });
    }
}
