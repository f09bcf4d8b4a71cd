package org.benchtarget.bench.run.report;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.benchtarget.bench.run.result.Results;
import org.benchtarget.bench.run.result.Sample;
import org.benchtarget.bench.run.result.Warmup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The output folder from a made-up run: files, seed-shaped tables, charts, and compare. */
class ReportsTest {

    @BeforeAll
    static void tmpFolder() throws java.io.IOException {
        // surefire points java.io.tmpdir at target/tmp, which nothing else in this module creates
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void writesAllFourFilesWithSeedShapedTables(@TempDir Path folder) throws Exception {
        Reports.writeAll(folder, results("PER_ENDPOINT", 1.0));
        var markdown = Files.readString(folder.resolve("report.md"));
        assertThat(markdown).contains("### /hello: requests per second")
                .contains("| concurrency | undertow-nio | undertow-virtual |")
                .contains("| 10 | 1,000 | 2,000 |")
                .contains("| 100 | 1,100 (3 err) | 2,200 |")
                .contains("### All measurements")
                .contains("1 run; (n err) = failed requests over all runs").doesNotContain("median of 1");
        var html = Files.readString(folder.resolve("report.html"));
        // opens from disk with no network: the library is inlined, nothing is fetched
        assertThat(html).doesNotContain("<script src").doesNotContain("<link ").contains("echarts");
        assertThat(html).contains("echarts.init(document.getElementById('chart-0'))");
        // throughput and latency for one endpoint, CPU/RSS for each of two profiles
        assertThat(html.split("class=\"chart\"", -1)).hasSize(1 + 4);
        var csv = Files.readAllLines(folder.resolve("results.csv"));
        assertThat(csv).hasSize(1 + 4);
        assertThat(csv.get(0)).contains("throughput", "p999_ms", "err_non2xx", "knob_workers");
        assertThat(Reports.read(folder).measurements()).hasSize(4);
    }

    @Test
    void gridLayoutHasReqsAndMsPerRequestRows(@TempDir Path folder) throws Exception {
        Reports.writeAll(folder, results("GRID", 1.0));
        var markdown = Files.readString(folder.resolve("report.md"));
        assertThat(markdown).contains("| concurrency |  | /hello undertow-nio | /hello undertow-virtual |")
                .contains("| c=10 | req/s | 1,000 | 2,000 |")
                .contains("|  | ms/req | 1.00 | 0.50 |");
    }

    @Test
    void journeysGetCompletionsAndFailuresPer10k(@TempDir Path folder) throws Exception {
        var measurements = List.of(
                journey(10, 1, 40, 0, 2.0), journey(10, 2, 60, 0, 2.0), journey(10, 3, 50, 0, 2.0),
                journey(50, 1, 199, 1, 2.0), journey(50, 2, 200, 0, 2.0), journey(50, 3, 199, 1, 2.0));
        var results = new Results("seed-001", "surveys", "001", false, "embedded", "2026-11-23T00:00:00Z", "2026-11-23T00:01:00Z",
                false, Map.of("cpus", "2"), Map.of("layout", "PER_ENDPOINT"),
                List.of(new Results.ProfileInfo("undertow-threads", "undertow-threads", Map.of("workers", "threads"))), List.of(), measurements);
        Reports.writeAll(folder, results);
        var markdown = Files.readString(folder.resolve("report.md"));
        // median of 20, 30, 25 journeys/s; 150 done; 598 done and 2 failed of 600 = 33.3 per 10,000
        assertThat(markdown).contains("### journey:seven-surveys: completed journeys")
                .contains("| 10 | 25.0/s, 150 done, 0 failed (0.0 per 10,000) |")
                .contains("| 50 | 99.5/s, 598 done, 2 failed (33.3 per 10,000) |");
    }

    @Test
    void daemonProfilesShowTheHopsCpuPerRequestBesideInProcess(@TempDir Path folder) throws Exception {
        // in-process: 50 % of a core at 20,000 req/s = 25 µs a request; daemon: 180 % at 20,000 req/s = 90 µs
        var measurements = List.of(hello("undertow-threads", 20_000, 50), hello("daemon-p2-t10", 20_000, 180));
        var results = new Results("seed-003", "daemon", "003", false, "ab", "2026-11-23T00:00:00Z", "2026-11-23T00:01:00Z",
                false, Map.of("cpus", "2"), Map.of("layout", "PER_ENDPOINT"),
                List.of(new Results.ProfileInfo("undertow-threads", "undertow-threads", Map.of("mode", "in-process", "target", "undertow")),
                        new Results.ProfileInfo("daemon-p2-t10", "daemon-p2-t10", Map.of("mode", "daemon", "target", "undertow", "backend", "undertow"))),
                List.of(), measurements);
        Reports.writeAll(folder, results);
        var markdown = Files.readString(folder.resolve("report.md"));
        assertThat(markdown).contains("CPU µs/req")
                .contains("| daemon-p2-t10 | /hello | 10 | undertow-threads | in-process 25 µs, daemon 25+65 µs | 3.60x |");
    }

    @Test
    void aDriverBoundRowSaysSoInTablesAndCharts(@TempDir Path folder) throws Exception {
        var bound = new Measurement("undertow-threads", "/hello", "c", 10, 1, "ab", 100_000, 5, 20_000,
                new Latency(1.0, 2.0, 5.0, 9.0, 12.0, 1.5), Errors.NONE, 0, 0, Resources.NONE, Map.of(), null, 97.5, true);
        var results = new Results("seed-003", "daemon", "003", false, "ab", "2026-11-23T00:00:00Z", "2026-11-23T00:01:00Z",
                false, Map.of("cpus", "2"), Map.of("layout", "PER_ENDPOINT"),
                List.of(new Results.ProfileInfo("undertow-threads", "undertow-threads", Map.of("mode", "in-process"))), List.of(), List.of(bound));
        Reports.writeAll(folder, results);
        assertThat(Files.readString(folder.resolve("report.md"))).contains("| 10 | 20,000 driver-bound |", "| 98 driver-bound |");
        assertThat(Files.readString(folder.resolve("report.html"))).contains("(driver-bound: undertow-threads c=10)");
        assertThat(Reports.read(folder).measurements().get(0).driverBound()).as("kept in results.json").isTrue();
    }

    private static Measurement hello(String profile, double throughput, double cpuPercent) {
        return new Measurement(profile, "/hello", "c", 10, 1, "ab", 100_000, 100_000 / throughput, throughput,
                new Latency(1.0, 2.0, 5.0, 9.0, 12.0, 1.5), Errors.NONE, 0, 0,
                Resources.of(List.of(new Sample(1.0, cpuPercent, 100, 20, 1)), cpuPercent), Map.of());
    }

    private static Measurement journey(int level, int run, long done, long failed, double seconds) {
        return new Measurement("undertow-threads", "journey:seven-surveys", "c", level, run, "embedded", done * 20, seconds,
                done * 20 / seconds, new Latency(1.0, 2.0, 5.0, 9.0, 12.0, 1.5), Errors.NONE, done, failed,
                Resources.of(List.of(new Sample(1.0, 0, 100, 20, 1)), 80), Map.of("workers", "threads"));
    }

    @Test
    void compareGivesRatios(@TempDir Path first, @TempDir Path second) throws Exception {
        Reports.writeAll(first, results("PER_ENDPOINT", 1.0));
        Reports.writeAll(second, results("PER_ENDPOINT", 1.5));
        var bytes = new ByteArrayOutputStream();
        Compare.print(first, second, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        var text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("B/A").containsPattern("undertow-nio\\s+/hello\\s+10\\s+1000.0\\s+1500.0\\s+1.50");
    }

    @Test
    void compareRefusesFoldersWithoutResults(@TempDir Path empty) {
        assertThatThrownBy(() -> Compare.print(empty, empty, System.out))
                .isInstanceOf(BenchException.class).hasMessageStartingWith("no results.json in");
    }

    private static Results results(String layout, double factor) {
        var measurements = new ArrayList<Measurement>();
        for (var profile : List.of("undertow-nio", "undertow-virtual")) {
            for (int level : List.of(10, 100)) {
                double base = profile.equals("undertow-nio") ? 1000 : 2000;
                double throughput = base * (level == 100 ? 1.1 : 1.0) * factor;
                var errors = profile.equals("undertow-nio") && level == 100 ? new Errors(1, 0, 2, 0, 0) : Errors.NONE;
                measurements.add(new Measurement(profile, "/hello", "c", level, 1, "embedded", 500, 500 / throughput,
                        throughput, new Latency(1.0, 2.0, 5.0, 9.0, 12.0, 1.5), errors, 500, 0,
                        Resources.of(List.of(new Sample(1.0, 0, 100, 20, 1), new Sample(1.25, 80, 110, 22, 1)), 80),
                        Map.of("workers", profile.substring("undertow-".length()))));
            }
        }
        return new Results("seed-t", "a test", "t", true, "embedded", "2026-11-23T00:00:00Z", "2026-11-23T00:01:00Z", false,
                Map.of("cpus", "2"), Map.of("layout", layout),
                List.of(new Results.ProfileInfo("undertow-nio", "undertow-nio", Map.of("workers", "nio")),
                        new Results.ProfileInfo("undertow-virtual", "undertow-virtual", Map.of("workers", "virtual"))),
                List.of(new Warmup("undertow-nio", "/hello", 3, 3000, 3.0, 1000, true)), measurements);
    }
}
