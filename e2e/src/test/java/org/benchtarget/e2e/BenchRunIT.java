package org.benchtarget.e2e;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.ExperimentRun;
import org.benchtarget.bench.run.RunOptions;
import org.benchtarget.bench.run.report.Reports;
import org.benchtarget.bench.run.report.ShapedResult;
import org.benchtarget.undertow.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code bench run} end to end against the targets' jars (built in their package phase, before these ITs run): the quick
 * form of every seed, each report with its declared chart (every series filled, the declared x values) as headless
 * Chromium draws it, a target that cannot start, a port in use, and a run stopped half-way.
 * Reports stay under target/bench-run for a look.
 */
class BenchRunIT {
    private static final Path RUNS = Path.of("target", "bench-run");
    private static Browser browser;

    @BeforeAll
    static void benchHome() {
        // failsafe runs in e2e/; the clone's root holds target-undertow/target/benchtarget-undertow.jar
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noTargetLeftRunning() {
        // the report's browser (chromedriver and chromium) stays up for the next test
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !process.info().command().orElse("").contains("chrom")).toList()).isEmpty();
    }

    @Test
    void seed000Quick() throws Exception {
        var out = RUNS.resolve("seed-000-quick");
        assertThat(run(options("seed-000", out, List.of(), List.of()))).isZero();
        var results = checkFolder(out, 1);
        // 2 profiles x 2 endpoints x 2 runs x 3 levels
        assertThat(results.measurements()).hasSize(24);
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("### /hello: requests per second", "### /db: requests per second", "| concurrency | undertow-nio | undertow-virtual |");
        // the declared shape: req/s and p99 against concurrency, a line per stack, /hello and /db side by side
        checkShape(out, results, List.of("req/s /hello", "req/s /db", "p99 /hello", "p99 /db"), List.of("1", "125", "500"),
                List.of("undertow-nio", "undertow-virtual"));
    }

    @Test
    void seed003Quick() throws Exception {
        var out = RUNS.resolve("seed-003-quick");
        assertThat(run(options("seed-003", out, List.of(), List.of()))).isZero();
        var results = checkFolder(out, 10);
        // 2 profiles x 2 endpoints x 1 run x 3 levels
        assertThat(results.measurements()).hasSize(12);
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("| c=10 | req/s |", "| ms/req |", "/hello.txt undertow-nio", "/hello undertow-virtual");
        checkShape(out, results, List.of("req/s ", "ms/req "), List.of("10", "100", "500"), List.of("/hello.txt undertow-nio",
                "/hello undertow-nio", "/hello.txt undertow-virtual", "/hello undertow-virtual"));
        assertThat(Files.readString(out.resolve("report.md"))).contains("(1.00×)", "ratio to /hello undertow-nio");
    }

    @Test
    void seed001Quick() throws Exception {
        var out = RUNS.resolve("seed-001-quick");
        assertThat(run(options("seed-001", out, List.of(), List.of()))).isZero();
        var results = checkFolder(out, 10);
        // 2 profiles x 1 journey x 1 run x 2 levels; completed surveys/s and failures per 10,000 against users
        assertThat(results.measurements()).hasSize(4).allSatisfy(m -> assertThat(m.journeys()).isPositive());
        checkShape(out, results, List.of("journeys/s journey:seven-surveys", "failures/10k journey:seven-surveys"), List.of("10", "50"),
                List.of("undertow-threads", "daemon-p9-t25"));
    }

    @Test
    void seed002Quick() throws Exception {
        var out = RUNS.resolve("seed-002-quick");
        assertThat(run(options("seed-002", out, List.of(), List.of()))).isZero();
        // errors are this seed's answer (the rate at which they start), so a level may fail whole: no checkFolder
        var results = Reports.read(out);
        assertThat(results.interrupted()).isFalse();
        // 2 steps x 2 endpoints x 1 run x 3 rates; the rate at which errors start, per step, a line per endpoint
        assertThat(results.measurements()).hasSize(12);
        // at the lowest rate nothing fails: the wall journey's minted session cookies are the targets' own
        assertThat(results.measurements().stream().filter(m -> m.level() == 10)).hasSize(4)
                .allSatisfy(m -> assertThat(m.errors().total()).as("errors of %s %s at 10 req/s", m.profile(), m.endpoint()).isZero());
        checkShape(out, results, List.of("error-onset "), List.of("naive", "joined gzip cache"), List.of("/", "journey:wall"));
    }

    @Test
    void seed004Quick() throws Exception {
        var out = RUNS.resolve("seed-004-quick");
        assertThat(run(options("seed-004", out, List.of(), List.of()))).isZero();
        var results = checkFolder(out, 100);
        // 4 profiles x 1 endpoint x 1 run x 1 level; req/s against backend processes, a line for T=1 and one for T=10
        assertThat(results.measurements()).hasSize(4);
        checkShape(out, results, List.of("req/s /hello"), List.of("1", "4"), List.of("T=1", "T=10"));
    }

    /**
     * Issue 24's protocols experiment, quick: one target over h1, h1+TLS, h2 and h2c, all driven by h2load (--h1 for
     * HTTP/1.1), bench's own warm-up and requirement check over https against the target's self-signed certificate.
     */
    @Test
    void protocolsQuick() throws Exception {
        var out = RUNS.resolve("protocols-quick");
        assertThat(run(options("protocols", out, List.of(), List.of()))).isZero();
        // not checkFolder: h2load prints a mean and a maximum, no percentiles
        var results = Reports.read(out);
        assertThat(results.interrupted()).isFalse();
        // 4 profiles x 2 endpoints x 1 run x 1 level, every answer a 2xx
        assertThat(results.measurements()).hasSize(8).allSatisfy(m -> {
            assertThat(m.driver()).isEqualTo("h2load");
            assertThat(m.requests()).as("requests of %s %s", m.profile(), m.endpoint()).isPositive();
            assertThat(m.errors().total()).as("errors of %s %s", m.profile(), m.endpoint()).isZero();
        });
        checkShape(out, results, List.of("req/s "), List.of("undertow-nio", "undertow-nio-tls", "undertow-nio-h2", "undertow-nio-h2c"),
                List.of("/hello", "/bytes/16384"));
    }

    /** The report's declared charts (metric and panel), each with the declared x values and every line drawn. */
    private static void checkShape(Path out, org.benchtarget.bench.run.result.Results results, List<String> charts, List<String> x,
                                   List<String> lines) throws IOException {
        var shaped = ShapedResult.of(results);
        assertThat(shaped).extracting(chart -> chart.metric().key() + " " + chart.panel()).containsExactlyElementsOf(charts);
        assertThat(shaped).allSatisfy(chart -> {
            assertThat(chart.xValues()).containsExactlyElementsOf(x);
            assertThat(chart.lines()).extracting(ShapedResult.Line::label).containsExactlyElementsOf(lines);
            assertThat(chart.lines()).allSatisfy(line -> assertThat(line.cells()).as(line.label())
                    .allSatisfy(cell -> assertThat(cell.value()).isNotNull()));
        });
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Result (quick)");
        assertThat(Files.readString(out.resolve("report.html")).split("class=\"chart shape\"", -1)).hasSize(1 + charts.size());
        // and Chromium draws them, every chart of the report with its points
        var drawn = RenderedCharts.of(browser(), out.resolve("report.html"));
        RenderedCharts.assertAllDrawn(drawn);
        assertThat(drawn.stream().filter(chart -> Boolean.TRUE.equals(chart.get("shape")))).hasSize(charts.size());
        browser().screenshot(out.getFileName().toString());
    }

    private static Browser browser() {
        if (browser == null) {
            browser = Browser.start();
        }
        return browser;
    }

    @Test
    void aTargetThatCannotStartIsOneLine() {
        var out = RUNS.resolve("cannot-start");
        assertThatThrownBy(() -> run(options("seed-003", out, List.of(), List.of("-Xmx1k"))))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("target did not start")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aPortInUseIsOneLine() throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> run(options("seed-003", RUNS.resolve("port"), List.of("port=" + port), List.of())))
                    .isInstanceOf(BenchException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is in use (leave port unset: bench run picks a free one)");
        }
    }

    @Test
    void stoppingKeepsWhatWasMeasured() throws Exception {
        var out = RUNS.resolve("stopped");
        var run = new ExperimentRun(options("seed-003", out, List.of(), List.of()), System.out);
        var exit = new AtomicInteger(-1);
        var runner = Thread.ofPlatform().start(() -> {
            try {
                exit.set(run.run());
            } catch (Exception e) {
                exit.set(-2);
            }
        });
        // stop as soon as the first measurement is written (results.json appears after each one)
        for (int i = 0; i < 1200 && !Files.exists(out.resolve("results.json")); i++) {
            Thread.sleep(100);
        }
        run.stop();
        runner.join(60_000);
        assertThat(exit.get()).isEqualTo(130);
        var results = Reports.read(out);
        assertThat(results.interrupted()).isTrue();
        assertThat(results.measurements()).isNotEmpty().allSatisfy(m -> assertThat(m.requests()).isPositive());
        assertThat(Files.readString(out.resolve("report.md"))).contains("Stopped by Ctrl-C: partial results");
    }

    private static RunOptions options(String experiment, Path out, List<String> sets, List<String> jvmOptions) throws IOException {
        if (Files.exists(out.resolve("results.json"))) {
            Files.delete(out.resolve("results.json"));
        }
        return new RunOptions(experiment, true, out, null, List.of(), sets, jvmOptions, null);
    }

    private static int run(RunOptions options) throws Exception {
        return new ExperimentRun(options, System.out).run();
    }

    /** Every row has requests, no errors at the lowest level, all four files, charts in report.html. */
    private static org.benchtarget.bench.run.result.Results checkFolder(Path out, int lowLevel) throws IOException {
        for (var file : List.of("results.json", "results.csv", "report.md", "report.html")) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        var results = Reports.read(out);
        assertThat(results.interrupted()).isFalse();
        assertThat(results.measurements()).allSatisfy(m -> {
            assertThat(m.requests()).as("requests of %s %s %d", m.profile(), m.endpoint(), m.level()).isPositive();
            assertThat(m.throughput()).isPositive();
            assertThat(m.latencyMs().p50()).isNotNull();
            assertThat(m.knobs()).containsKey("workers");
        });
        assertThat(results.measurements().stream().filter(m -> m.level() == lowLevel))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.errors().total()).as("errors at level %d", lowLevel).isZero());
        assertThat(results.warmups()).isNotEmpty();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + results.measurements().size());
        var html = Files.readString(out.resolve("report.html"));
        int endpoints = (int) results.measurements().stream().map(m -> m.endpoint()).distinct().count();
        // per endpoint: throughput and latency; per profile: CPU/RSS over time
        assertThat(html.split("class=\"chart\"", -1)).hasSize(1 + 2 * endpoints + results.profiles().size());
        assertThat(html).contains("echarts.init(").doesNotContain("<script src");
        return results;
    }
}
