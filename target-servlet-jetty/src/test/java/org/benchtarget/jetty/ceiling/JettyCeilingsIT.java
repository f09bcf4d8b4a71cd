package org.benchtarget.jetty.ceiling;

import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbConfig;
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

/**
 * The two bare Jetty ceilings in this JVM (core Handler on H2, Servlet on PostgreSQL), and ceiling-jetty-servlet as
 * bench run starts its profile (its own JVM).
 */
class JettyCeilingsIT {
    private static CeilingServer core;
    private static CeilingServer servlet;

    @BeforeAll
    static void start() throws Exception {
        core = JettyCeiling.start(CeilingSettings.parse("jetty", Workers.NIO, args("ceiling-jetty", TestDatabases.h2()), Map.of()));
        servlet = JettyServletCeiling.start(CeilingSettings.parse("jetty", Workers.THREADS,
                args("ceiling-jetty-servlet", TestDatabases.postgres()), Map.of()));
    }

    private static List<String> args(String profile, DbConfig db) {
        var args = new ArrayList<>(List.of(profile, "host=127.0.0.1", "port=0", "threads=4"));
        args.addAll(SettingsParser.dbKnobs(db));
        return args;
    }

    @AfterAll
    static void stop() throws Exception {
        core.close();
        servlet.close();
    }

    @Test
    void theCoreHandlerAnswersHelloAndARowAnd404Elsewhere() throws Exception {
        CeilingAnswers.check(core.port());
    }

    @Test
    void theServletAnswersHelloAndARowAnd404Elsewhere() throws Exception {
        CeilingAnswers.check(servlet.port());
    }

    @Test
    void theServletProfileStartsAndStopsAsBenchRunStartsTargets() throws Exception {
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        var sets = List.of("host=127.0.0.1", "port=0");
        var log = Path.of("target/ceilings/ceiling-jetty-servlet.log");
        ProcessHandle handle;
        try (var process = TargetProcess.start(SettingsParser.parse("ceiling-jetty-servlet", Map.of(), sets), sets, List.of(),
                List.of(), log, Duration.ofSeconds(90))) {
            handle = process.handle();
            CeilingAnswers.check(process.port());
        }
        assertThat(handle.isAlive()).isFalse();
        assertThat(Files.readString(log)).contains("benchtarget-ceiling-jetty-servlet listening on port");
    }

    @Test
    void aKnobItDoesNotHonourStopsTheStartWithOneLine() throws Exception {
        var line = CeilingAnswers.refusal(List.of(TargetJvm.javaBinary(), "-cp", "target/benchtarget-jetty.jar",
                JettyCeiling.class.getName(), "ceiling-jetty", "--set", "port=0", "--set", "cache=data"));
        assertThat(line).startsWith("benchtarget-ceiling-jetty: cache=data: a ceiling honours only host, port,");
    }
}
