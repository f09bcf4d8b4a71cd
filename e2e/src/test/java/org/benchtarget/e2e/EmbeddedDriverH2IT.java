package org.benchtarget.e2e;

import org.benchtarget.bench.run.experiment.Experiment.LoadKind;
import org.benchtarget.bench.run.load.EmbeddedDriver;
import org.benchtarget.bench.run.load.Journeys;
import org.benchtarget.bench.run.load.LoadDriver;
import org.benchtarget.bench.run.load.RunControl;
import org.benchtarget.bench.run.load.Workload;
import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench run's embedded driver over HTTP/2 against real targets (issue 24): undertow-nio-h2 (h2 by ALPN over TLS with
 * its self-signed certificate) and undertow-nio-h2c (h2c by Upgrade), each started once as bench run starts it. Plain
 * GETs and the login+wall journey (cookies, CSRF, a form) must be answered with no error: the driver counts an answer
 * over anything but HTTP/2 as an error, so these pass only when every request went over HTTP/2.
 */
class EmbeddedDriverH2IT {
    private static final Path LOGS = Path.of("target", "embedded-h2");
    private static TargetProcess tls;
    private static TargetProcess h2c;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        tls = start("undertow-nio-h2");
        h2c = start("undertow-nio-h2c");
    }

    private static TargetProcess start(String profile) throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        return TargetProcess.start(SettingsParser.parse(profile, Map.of(), sets), sets, List.of(), List.of(),
                LOGS.resolve(profile + ".log"), Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        for (var target : new TargetProcess[] {tls, h2c}) {
            if (target != null) {
                target.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "h2c"})
    void getsAndJourneysGoOverHttp2(String protocol) throws Exception {
        var base = protocol.equals("h2") ? URI.create("https://127.0.0.1:" + tls.port()) : URI.create("http://127.0.0.1:" + h2c.port());
        for (var kind : List.of(LoadKind.CONCURRENCY, LoadKind.RATE)) {
            var gets = drive(base, new Workload.Get("/hello"), kind, kind == LoadKind.CONCURRENCY ? 8 : 200, 400);
            assertThat(gets.requests()).as("%s %s GETs answered", protocol, kind).isEqualTo(400);
            assertThat(gets.errors().total()).as("%s %s errors", protocol, kind).isZero();
        }
        var journeys = drive(base, Journeys.workload("journey:login-wall?users=100&walls=3&password=benchpass"), LoadKind.CONCURRENCY, 4, 12);
        assertThat(journeys.journeyFailures()).as("%s journeys failed", protocol).isZero();
        assertThat(journeys.journeys()).isEqualTo(12);
        assertThat(journeys.errors().total()).isZero();
    }

    private static LoadDriver.Outcome drive(URI base, Workload workload, LoadKind kind, int level, int requests) throws Exception {
        var spec = new LoadDriver.Spec(base, workload, kind, level, requests, Duration.ZERO, true, false, Duration.ofSeconds(10),
                List.of(), true);
        return new EmbeddedDriver().drive(spec, new RunControl());
    }
}
