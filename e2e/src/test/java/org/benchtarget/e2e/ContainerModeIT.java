package org.benchtarget.e2e;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.serve.JettyBase;
import org.benchtarget.bench.serve.JettyContainer;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.HardeningChecks;
import org.benchtarget.bench.verify.HttpProbe;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Container mode end to end: target-servlet-jetty's WAR and jetty-base in its unpacked jetty-home, started with
 * start.jar as its own process (the launcher bench serve uses) on a free port, the conformance suite
 * against it, then stopped by PID with SIGTERM.
 */
class ContainerModeIT {
    /** failsafe runs in e2e/; the clone's root holds target-servlet-jetty's unpacked jetty-home and jetty-base. */
    private static final Path CLONE = Path.of("").toAbsolutePath().getParent();
    private static final Path HOME = JettyBase.jettyHome(CLONE);
    private static final Path TEMPLATE = JettyBase.templateBase(CLONE);
    private static final Path RUNS = Path.of("target", "container-mode");
    private static final AtomicInteger RUN = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> conformsToTheContract() {
        return Stream.of(
                run(DbKind.H2, "threads", "off"),
                run(DbKind.POSTGRES, "threads", "on"),
                run(DbKind.H2, "virtual", "on"));
    }

    private DynamicNode run(DbKind db, String workers, String gzip) {
        var name = "jetty-container workers=" + workers + " gzip=" + gzip + " db=" + db.knobValue();
        return DynamicContainer.dynamicContainer(name, Stream.of(dynamicTest("all checks", () -> {
            var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "workers=" + workers, "gzip=" + gzip));
            sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(db)));
            var log = new ByteArrayOutputStream();
            try (var container = start(sets, log)) {
                var base = URI.create("http://127.0.0.1:" + container.port());
                var info = new HttpProbe(base).get("/info").text();
                assertThat(info).contains("\"mode\" : \"container\"", "\"target\" : \"jetty\"", "\"workers\" : \"" + workers + "\"");
                var failures = new ContractChecks(base).failures();
                assertTrue(failures.isEmpty(), () -> "contract checks failed:\n" + String.join("\n", failures) + "\nJetty's output:\n" + log);
            }
        })));
    }

    @Test
    void refusesBadInputAndStaysSecure() throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(HardeningChecks.KNOBS);
        var log = new ByteArrayOutputStream();
        try (var container = start(sets, log)) {
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + container.port()));
            assertTrue(failures.isEmpty(), () -> "checks failed:\n" + String.join("\n", failures) + "\nJetty's output:\n" + log);
        }
    }

    @Test
    void aBadKnobInTheWebAppConfigurationFailsTheContainerStartWithOneLine() throws Exception {
        var log = new ByteArrayOutputStream();
        assertThatThrownBy(() -> start(List.of("host=127.0.0.1", "port=0", "cache=sometimes"), log).close())
                .isInstanceOf(org.benchtarget.core.config.SettingsException.class)
                .hasMessageContaining("cache=sometimes");
        // the launcher checks first; the WAR itself refuses too, when the knob reaches only the web app
        var settings = SettingsParser.parse("jetty-container", Map.of(), List.of("host=127.0.0.1", "port=0"));
        var base = JettyBase.prepare(TEMPLATE, RUNS.resolve("jetty-base-bad"), settings, List.of("cache=sometimes"));
        assertThatThrownBy(() -> JettyContainer.start(List.of(), HOME, base, TargetJvm.options(List.of()), Map.of(), Duration.ofMinutes(2),
                new PrintStream(log, true, StandardCharsets.UTF_8)).close())
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("exited before it listened");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("benchtarget-jetty: cache=sometimes: expected one of off, data, page");
    }

    @Test
    void nioIsRefusedBeforeAnythingStarts() {
        var settings = SettingsParser.parse("jetty-container", Map.of(), List.of("workers=nio"));
        assertThatThrownBy(() -> JettyBase.prepare(TEMPLATE, RUNS.resolve("jetty-base-nio"), settings, List.of("workers=nio")))
                .hasMessageStartingWith("workers=nio: not supported by jetty");
    }

    private static JettyContainer start(List<String> sets, ByteArrayOutputStream log) throws Exception {
        var settings = SettingsParser.parse("jetty-container", Map.of(), sets);
        var base = JettyBase.prepare(TEMPLATE, RUNS.resolve("jetty-base-" + RUN.incrementAndGet()), settings, sets);
        return JettyContainer.start(List.of(), HOME, base, TargetJvm.options(List.of()), JettyBase.secretEnvironment(sets),
                Duration.ofMinutes(2), new PrintStream(log, true, StandardCharsets.UTF_8));
    }
}
