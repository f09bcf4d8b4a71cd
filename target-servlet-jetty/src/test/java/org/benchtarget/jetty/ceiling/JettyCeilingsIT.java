package org.benchtarget.jetty.ceiling;

import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.testing.CeilingAnswers;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two bare Jetty ceilings in this JVM (core Handler on H2, Servlet on PostgreSQL); as bench run starts their
 * profiles (their own JVMs): e2e CeilingProfilesIT.
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
    void aKnobItDoesNotHonourStopsTheStartWithOneLine() throws Exception {
        var line = CeilingAnswers.refusal(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp", "target/benchtarget-jetty.jar",
                JettyCeiling.class.getName(), "ceiling-jetty", "--set", "port=0", "--set", "cache=data"));
        assertThat(line).startsWith("benchtarget-ceiling-jetty: cache=data: a ceiling honours only host, port,");
    }
}
