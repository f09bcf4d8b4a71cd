package org.benchtarget.spring.ceiling;

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
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare Spring Boot ceiling: in this JVM on PostgreSQL, and as bench run starts its profile (its own JVM from the
 * extracted layout, on H2); it has none of the target's beans.
 */
class SpringCeilingIT {
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        var args = new ArrayList<>(List.of("ceiling-spring", "host=127.0.0.1", "port=0", "threads=4"));
        args.addAll(SettingsParser.dbKnobs(TestDatabases.postgres()));
        context = SpringCeiling.start(CeilingSettings.parse("spring", Workers.THREADS, args, Map.of()));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void answersHelloAndARowOnPostgresAnd404Elsewhere() throws Exception {
        CeilingAnswers.check(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void scansNothingOfTheTarget() {
        assertThat(context.getBeanNamesForType(org.benchtarget.core.App.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CeilingController.class)).hasSize(1);
    }

    @Test
    void itsProfileStartsAndStopsAsBenchRunStartsTargets() throws Exception {
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        var sets = List.of("host=127.0.0.1", "port=0");
        var log = Path.of("target/ceilings/ceiling-spring.log");
        ProcessHandle handle;
        try (var process = TargetProcess.start(SettingsParser.parse("ceiling-spring", Map.of(), sets), sets, List.of(), List.of(),
                log, Duration.ofSeconds(120))) {
            handle = process.handle();
            CeilingAnswers.check(process.port());
        }
        assertThat(handle.isAlive()).isFalse();
        assertThat(Files.readString(log)).contains("benchtarget-ceiling-spring listening on port");
    }

    @Test
    void aKnobItDoesNotHonourStopsTheStartWithOneLine() throws Exception {
        var line = CeilingAnswers.refusal(List.of(TargetJvm.javaBinary(), "-cp", "target/benchtarget-spring.jar",
                SpringCeiling.class.getName(), "ceiling-spring", "--set", "port=0", "--set", "server-timing=off"));
        assertThat(line).startsWith("benchtarget-ceiling-spring: server-timing=off: a ceiling honours only host, port,");
    }
}
