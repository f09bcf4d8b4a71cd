package org.benchtarget.e2e;

import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.bench.serve.LocalCassandra;
import org.benchtarget.bench.soak.SoakSizes;
import org.benchtarget.bench.soak.SoakSuite;
import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.cassandra.CassandraNode;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.survey.ResponseStores;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 001's store on the targets whose own modules cannot start a node (Spring's, the WAR in jetty-home), on one real
 * node the class starts and shares:
 * <ul>
 *   <li>{@code bench soak}'s "no lost surveys" with {@code survey.store=cassandra}: 50 robots complete 1,000 responses (the
 *   last page posted twice every tenth) in-process on Undertow (undertow-nio-cassandra) and on Spring
 *   (spring-jetty-cassandra), and in daemon mode (daemon-p2-t10, again while a backend is SIGKILLed mid-run, the robots
 *   retrying what failed). Every completion a robot saw must be in Cassandra exactly once with its answers, nothing else
 *   stored, no draft left: the rows are compared token by token with what the robots saw;</li>
 *   <li>the contract's checks with {@code survey.store=cassandra} on spring-jetty and on jetty-container (undertow-nio's and
 *   jetty-threads' run in their own modules: CassandraSurveyIT, JettyCassandraIT), the completions landing in Cassandra.</li>
 * </ul>
 */
class CassandraSoakIT {
    private static final Path OUT = Path.of("target", "soak-cassandra");
    private static CassandraNode node;

    @BeforeAll
    static void benchHomeAndNode() throws Exception {
        // failsafe runs in e2e/; the clone's root holds the built jars and the Cassandra node's
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        node = LocalCassandra.start();
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        LocalCassandra.stop(node);
    }

    @AfterEach
    void nothingLeftRunning() {
        // the shared node is the one process allowed to outlive a test
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> p.pid() != node.pid()).toList())
                .isEmpty();
    }

    @Test
    void everyCompletionIsStoredOnceInCassandraInProcessAndWithAKilledBackend() throws Exception {
        var quick = SoakSizes.quick();
        var sizes = new SoakSizes(quick.connections(), quick.hold(), quick.requestTimeout(), 50, 1_000, quick.surveyMaxTime(),
                quick.outage(), quick.shutdownUsers(), quick.slow());
        var tables = SoakSuite.run(List.of("undertow-nio-cassandra", "spring-jetty-cassandra", "daemon-p2-t10"), SoakSuite.chosen(List.of("surveys")), sizes,
                List.of("survey.store=cassandra", LocalCassandra.contactPoint(node)), OUT, new PrintStream(System.out, true));

        assertThat(tables.get("undertow-nio-cassandra")).extracting(row -> row.test()).containsExactly("surveys, exactly once");
        assertThat(tables.get("spring-jetty-cassandra")).extracting(row -> row.test()).containsExactly("surveys, exactly once");
        assertThat(tables.get("daemon-p2-t10")).extracting(row -> row.test())
                .containsExactly("surveys, exactly once", "surveys, backend killed");
        tables.forEach((profile, rows) -> assertThat(rows).allSatisfy(row -> {
            assertThat(row.passed()).as("%s %s: %s", profile, row.test(), row.detail()).isTrue();
            assertThat(row.detail()).as("%s %s", profile, row.test()).contains("lost 0, doubled 0", "partial 0, drafts left 0");
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring-jetty-cassandra", "jetty-container"})
    void conformsWithSurveysStoredInCassandra(String profile) throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "survey.store=cassandra", LocalCassandra.contactPoint(node)));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        var settings = SettingsParser.parse(profile, Map.of(), sets);
        var cassandra = CassandraSettings.of(settings);
        ResponseStores.truncate(cassandra);
        var log = OUT.resolve("logs").resolve("conformance-" + profile + ".log");
        try (var target = TargetProcess.start(settings, sets, List.of(), List.of(), log, Duration.ofMinutes(3))) {
            var failures = new ContractChecks(URI.create("http://127.0.0.1:" + target.port())).failures();
            assertTrue(failures.isEmpty(), () -> profile + ": contract checks failed:\n" + String.join("\n", failures) + "\nits log: " + log);
        }
        // the checks complete surveys: those completions are Cassandra's, answers and all
        assertThat(ResponseStores.readAll(cassandra)).isNotEmpty().allSatisfy(row -> assertThat(row.answered()).isPositive());
    }
}
