package org.benchtarget.loadtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Gatling simulation for a few seconds against a real target in this JVM. Gatling runs as its own
 * JVM, as {@code gatling:test} runs it, on this test's class path; its assertions (no failed request,
 * some successful ones) set its exit code, and its summary is checked here too.
 */
class GatlingIT {
    private static final Pattern SUMMARY = Pattern.compile("> Global\\s+\\|\\s+([\\d,]+) \\|\\s+([\\d,]+) \\|\\s+([\\d,]+)"); // 2,990: Gatling groups thousands
    private static final Path BUILD = Path.of(System.getProperty("bench.build", "target")).toAbsolutePath();

    private static InProcessTarget target;

    @BeforeAll
    static void start() {
        target = new InProcessTarget();
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @ParameterizedTest
    @ValueSource(classes = {SurveyJourneySimulation.class, WallJourneySimulation.class})
    void simulationRunsWithoutAFailedRequest(Class<?> simulation) throws Exception {
        var result = gatling(simulation, "benchpass");
        assertThat(result.exitCode()).as(result.output()).isZero();
        var summary = SUMMARY.matcher(result.output());
        assertThat(summary.find()).as(result.output()).isTrue();
        assertThat(count(summary.group(2))).as(summary.group()).isPositive().isEqualTo(count(summary.group(1)));
        assertThat(summary.group(3)).as(summary.group()).isEqualTo("0");
        assertThat(result.output()).contains("count of failed events is 0.0 : true");
    }

    @Test
    void aFailedRequestFailsTheRun() throws Exception {
        var result = gatling(WallJourneySimulation.class, "not-the-password");
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        var summary = SUMMARY.matcher(result.output());
        assertThat(summary.find()).as(result.output()).isTrue();
        assertThat(count(summary.group(3))).as(summary.group()).isPositive();
    }

    /** Runs one simulation for 3 s with 3 users against the target; Gatling exits non-zero when an assertion fails. */
    private static ToolRun gatling(Class<?> simulation, String password) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return ToolRun.run(List.of(java,
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", // Gatling's runtime and Netty
                "-Xmx256m", "-Duser.home=" + BUILD.resolve("gatling-home"),
                "-Dbench.url=" + target.url(), "-Dbench.users=3", "-Dbench.seconds=3", "-Dbench.password=" + password,
                "-cp", classPath, "io.gatling.app.Gatling",
                "--simulation", simulation.getName(), "--results-folder", BUILD.resolve("gatling").toString(), "--no-reports"), Map.of());
    }

    private static int count(String grouped) {
        return Integer.parseInt(grouped.replace(",", ""));
    }
}
