package org.benchtarget.spring.ceiling;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare Spring Boot ceiling in this JVM on PostgreSQL; it has none of the target's beans. As bench run starts its
 * profile (its own JVM from the extracted layout): e2e CeilingProfilesIT.
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
    void aKnobItDoesNotHonourStopsTheStartWithOneLine() throws Exception {
        var line = CeilingAnswers.refusal(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp", "target/benchtarget-spring.jar",
                SpringCeiling.class.getName(), "ceiling-spring", "--set", "port=0", "--set", "server-timing=off"));
        assertThat(line).startsWith("benchtarget-ceiling-spring: server-timing=off: a ceiling honours only host, port,");
    }
}
