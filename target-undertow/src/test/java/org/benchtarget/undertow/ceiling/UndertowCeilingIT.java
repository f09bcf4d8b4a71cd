package org.benchtarget.undertow.ceiling;

import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.CeilingAnswers;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bare Undertow ceiling: in this JVM on PostgreSQL, and as bench run starts its profile (its own JVM, on H2). */
class UndertowCeilingIT {
    private static UndertowCeiling ceiling;

    @BeforeAll
    static void start() {
        var args = new ArrayList<>(List.of("ceiling-undertow", "host=127.0.0.1", "port=0", "threads=4"));
        args.addAll(SettingsParser.dbKnobs(TestDatabases.postgres()));
        ceiling = UndertowCeiling.start(CeilingSettings.parse("undertow", Workers.NIO, args, Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        ceiling.close();
    }

    @Test
    void answersHelloAndARowOnPostgresAnd404Elsewhere() throws Exception {
        CeilingAnswers.check(ceiling.port());
    }

    @Test
    void itsProfileStartsAndStopsAsBenchRunStartsTargets() throws Exception {
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        var sets = List.of("host=127.0.0.1", "port=0");
        var log = Path.of("target/ceilings/ceiling-undertow.log");
        ProcessHandle handle;
        try (var process = TargetProcess.start(SettingsParser.parse("ceiling-undertow", Map.of(), sets), sets, List.of(), List.of(),
                log, Duration.ofSeconds(90))) {
            handle = process.handle();
            CeilingAnswers.check(process.port());
        }
        assertThat(handle.isAlive()).isFalse();
        assertThat(Files.readString(log)).contains("benchtarget-ceiling-undertow listening on port");
    }

    @Test
    void aKnobItDoesNotHonourStopsTheStartWithOneLine() throws Exception {
        var line = CeilingAnswers.refusal(List.of(TargetJvm.javaBinary(), "-cp", "target/benchtarget-undertow.jar",
                UndertowCeiling.class.getName(), "ceiling-undertow", "--set", "port=0", "--set", "gzip=on"));
        assertThat(line).isEqualTo("benchtarget-ceiling-undertow: gzip=on: a ceiling honours only host, port, threads, io-threads, "
                + "backlog, db, db.url, db.user, db.password, db.pool");
    }
}
