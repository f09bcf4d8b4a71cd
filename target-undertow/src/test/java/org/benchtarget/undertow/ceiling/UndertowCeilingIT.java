package org.benchtarget.undertow.ceiling;

import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.CeilingAnswers;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bare Undertow ceiling in this JVM on PostgreSQL (as bench run starts it, its own JVM: e2e CeilingProfilesIT). */
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
    void aKnobItDoesNotHonourStopsTheStartWithOneLine() throws Exception {
        var line = CeilingAnswers.refusal(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp", "target/benchtarget-undertow.jar",
                UndertowCeiling.class.getName(), "ceiling-undertow", "--set", "port=0", "--set", "gzip=on"));
        assertThat(line).isEqualTo("benchtarget-ceiling-undertow: gzip=on: a ceiling honours only host, port, threads, io-threads, "
                + "backlog, db, db.url, db.user, db.password, db.pool");
    }
}
