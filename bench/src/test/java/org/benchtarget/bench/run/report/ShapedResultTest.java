package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.experiment.Experiment;
import org.benchtarget.bench.run.experiment.Experiments;
import org.benchtarget.bench.run.experiment.ProfileRef;
import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.benchtarget.bench.run.result.Results;
import org.benchtarget.bench.run.result.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped experiments' declared shapes filled with made-up measurements: the charts and tables a report
 * draws first (x values as declared, a line per series, every line with values, labels that say what varies).
 */
class ShapedResultTest {

    @Test
    void seed004IsReqPerSecondAgainstProcessesOneLinePerT(@TempDir Path folder) throws Exception {
        var experiment = Experiments.load("seed-004", false);
        var results = results(experiment, (ref, endpoint, level) -> 1000.0 * Integer.parseInt(knobs(ref).get("processes"))
                / (knobs(ref).get("threads").equals("10") ? 2 : 1), ok());
        var charts = ShapedResult.of(results);
        assertThat(charts).hasSize(1);
        var chart = charts.get(0);
        assertThat(chart.xValues()).containsExactly("1", "2", "4", "8", "16");
        assertThat(chart.numericX()).isTrue();
        assertThat(chart.xName()).isEqualTo("backend processes");
        assertThat(chart.lines()).extracting(ShapedResult.Line::label).containsExactly("T=1", "T=10");
        assertThat(chart.lines()).allSatisfy(line -> assertThat(line.cells()).allSatisfy(cell -> assertThat(cell.value()).isNotNull()));
        assertThat(chart.lines().get(1).cells().get(2).value()).isEqualTo(2000.0);

        var option = Charts.shaped(results, charts).get(0).option();
        assertThat(option).containsKeys("title", "tooltip", "legend");
        assertThat(option.get("xAxis")).asString().contains("type=value", "name=backend processes");
        assertThat(option.get("yAxis")).asString().contains("name=req/s");
        assertThat(option.get("series")).asString().contains("name=T=1", "data=[[1.0, 1000.0], [2.0, 2000.0]");

        Reports.writeAll(folder, results);
        var markdown = Files.readString(folder.resolve("report.md"));
        assertThat(markdown.indexOf("## Result")).isLessThan(markdown.indexOf("### /hello: requests per second"));
        assertThat(markdown).contains("### /hello: requests per second (req/s) by backend processes\n",
                "| backend processes | T=1 | T=10 |", "| 4 | 4,000 | 2,000 |", "| 16 | 16,000 | 8,000 |", "at c=100")
                .contains("| P=4 T=1 | daemon-p5-t1+processes=4+threads=1 |");
        var html = Files.readString(folder.resolve("report.html"));
        assertThat(html.indexOf("class=\"chart shape\"")).isPositive().isLessThan(html.indexOf("<h2>Charts</h2>"));
    }

    @Test
    void aQuickRunHasTheSameShapeOverFewerPointsAndSaysSo(@TempDir Path folder) throws Exception {
        var experiment = Experiments.load("seed-004", true);
        assertThat(experiment.shape()).isEqualTo(Experiments.load("seed-004", false).shape());
        var results = results(experiment, (ref, endpoint, level) -> 500.0, ok());
        var chart = ShapedResult.of(results).get(0);
        assertThat(chart.xValues()).containsExactly("1", "4");
        assertThat(chart.lines()).extracting(ShapedResult.Line::label).containsExactly("T=1", "T=10");
        Reports.writeAll(folder, results);
        assertThat(Files.readString(folder.resolve("report.md"))).contains("## Result (quick)",
                "### /hello: requests per second (req/s) by backend processes (quick)");
        assertThat(Charts.shaped(results, List.of(chart)).get(0).title()).endsWith("(quick)");
    }

    @Test
    void seed000PutsHelloAndDbSideBySidePerMetric(@TempDir Path folder) throws Exception {
        var results = results(Experiments.load("seed-000", true), (ref, endpoint, level) -> level * 10.0, ok());
        var charts = ShapedResult.of(results);
        assertThat(charts).extracting(c -> c.metric().key() + " " + c.panel())
                .containsExactly("req/s /hello", "req/s /db", "p99 /hello", "p99 /db");
        assertThat(charts).allSatisfy(chart -> {
            assertThat(chart.xValues()).containsExactly("1", "125", "500");
            assertThat(chart.lines()).extracting(ShapedResult.Line::label).containsExactly("undertow-nio", "undertow-virtual");
            assertThat(chart.lines()).allMatch(ShapedResult.Line::hasValues);
        });
        Reports.writeAll(folder, results);
        assertThat(Files.readString(folder.resolve("report.md")))
                .contains("| concurrency (clients) | /hello undertow-nio | /hello undertow-virtual | /db undertow-nio | /db undertow-virtual |",
                        "| 125 | 1,250 | 1,250 | 1,250 | 1,250 |", "### p99 latency (ms) by concurrency (clients) (quick)");
    }

    @Test
    void seed001IsCompletionsAndFailuresPer10kAgainstUsers() {
        var results = results(Experiments.load("seed-001", false), (ref, endpoint, level) -> 100.0, ok());
        var charts = ShapedResult.of(results);
        assertThat(charts).extracting(c -> c.metric().key()).containsExactly("journeys/s", "failures/10k");
        assertThat(charts.get(0).xName()).isEqualTo("concurrent users");
        assertThat(charts.get(0).xValues()).containsExactly("10", "50", "100");
        assertThat(charts.get(0).lines()).extracting(ShapedResult.Line::label).contains("undertow-threads", "daemon-p9-t25");
        // each measurement: 500 journeys done, 5 failed in 1 s
        assertThat(charts.get(0).lines().get(0).cells().get(0).value()).isEqualTo(500.0);
        assertThat(charts.get(1).lines().get(0).cells().get(0).value()).isEqualTo(99.0);
    }

    @Test
    void seed002IsTheRateErrorsStartAbovePerStepWithItsRatioToTheFirst(@TempDir Path folder) throws Exception {
        var experiment = Experiments.load("seed-002", false);
        // the naive steps fail from rate 100, the later ones from 400, the cached one never
        Failures failures = (ref, endpoint, level) -> ref.label().contains("cache") ? 0 : level >= (ref.label().contains("naive") ? 100 : 400) ? 50 : 0;
        var results = results(experiment, (ref, endpoint, level) -> (double) level, failures);
        var charts = ShapedResult.of(results);
        assertThat(charts).hasSize(1);
        var chart = charts.get(0);
        assertThat(chart.numericX()).isFalse();
        assertThat(chart.xValues()).containsExactly("naive", "naive gzip", "2 backends naive gzip", "5 backends naive gzip",
                "10 backends naive gzip", "5 backends joined gzip", "5 backends joined gzip cache");
        assertThat(chart.lines()).extracting(ShapedResult.Line::label).containsExactly("/", "journey:wall");
        Reports.writeAll(folder, results);
        assertThat(Files.readString(folder.resolve("report.md")))
                .contains("| step | / | journey:wall |", "| naive | 50 (1.00×) | 50 (1.00×) |",
                        "| 5 backends joined gzip | 200 (4.00×) | 200 (4.00×) |", "| 5 backends joined gzip cache | ≥ 3200 (64.00×) |");
    }

    @Test
    void aStepThatFallsBehindTheRateHasReachedItsOnsetWithoutErrors(@TempDir Path folder) throws Exception {
        var experiment = Experiments.load("seed-002", false);
        // naive answers at most 600 a second without a failed request: from 800 its backlog only grows
        Throughput throughput = (ref, endpoint, level) -> ref.label().equals("naive") && level >= 800 ? 600.0 : level;
        var chart = ShapedResult.of(results(experiment, throughput, ok())).get(0);
        assertThat(chart.lines()).allSatisfy(line -> {
            assertThat(line.cells().get(0).text()).as(line.label()).isEqualTo("400");
            assertThat(line.cells().get(1).text()).as(line.label()).isEqualTo("≥ 3200");
        });
        // 95% of the rate still keeps up (a level's last answers arrive after its last second)
        Throughput close = (ref, endpoint, level) -> level * 0.95;
        assertThat(ShapedResult.of(results(experiment, close, ok())).get(0).lines().get(0).cells().get(0).text()).isEqualTo("≥ 3200");
        Reports.writeAll(folder, results(experiment, throughput, ok()));
        assertThat(Files.readString(folder.resolve("report.md"))).contains("or less than 90% of the rate was answered");
        // a step that falls behind at the lowest rate reads "< 25", with no ratio (nothing to divide)
        Throughput never = (ref, endpoint, level) -> ref.label().equals("naive gzip") ? 1.0 : level;
        Reports.writeAll(folder, results(experiment, never, ok()));
        assertThat(Files.readString(folder.resolve("report.md"))).contains("| naive gzip | < 25 | < 25 |");
    }

    @Test
    void seed003ShowsEachVariantAgainstHelloInProcess(@TempDir Path folder) throws Exception {
        var results = results(Experiments.load("seed-003", true),
                (ref, endpoint, level) -> endpoint.equals("/hello.txt") ? 5000.0 : ref.label().equals("undertow-nio") ? 4000.0 : 2000.0, ok());
        var charts = ShapedResult.of(results);
        assertThat(charts).extracting(c -> c.metric().key()).containsExactly("req/s", "ms/req");
        assertThat(charts.get(0).lines()).extracting(ShapedResult.Line::label)
                .containsExactly("/hello.txt undertow-nio", "/hello undertow-nio", "/hello.txt undertow-virtual", "/hello undertow-virtual");
        // a profile keeps its colour over both endpoints, an endpoint its dash over every profile
        var styles = new LinkedHashMap<Object, Object>();
        for (var line : (List<?>) Charts.shaped(results, charts).get(0).option().get("series")) {
            var style = (Map<?, ?>) ((Map<?, ?>) line).get("lineStyle");
            styles.put(((Map<?, ?>) line).get("name"), style.get("color") + " " + style.get("type"));
        }
        assertThat(styles).containsExactly(Map.entry("/hello.txt undertow-nio", "#5470c6 solid"), Map.entry("/hello undertow-nio", "#5470c6 dashed"),
                Map.entry("/hello.txt undertow-virtual", "#91cc75 solid"), Map.entry("/hello undertow-virtual", "#91cc75 dashed"));
        Reports.writeAll(folder, results);
        assertThat(Files.readString(folder.resolve("report.md")))
                .contains("| 100 | 5,000 (1.25×) | 4,000 (1.00×) | 5,000 (1.25×) | 2,000 (0.50×) |", "ratio to /hello undertow-nio");
    }

    @Test
    void anExperimentWithoutAShapeGetsTheGenericReport(@TempDir Path folder) throws Exception {
        var experiment = Experiments.load("targets-000", true);
        assertThat(experiment.shape()).isNull();
        var results = results(experiment, (ref, endpoint, level) -> 100.0, ok());
        assertThat(ShapedResult.of(results)).isEmpty();
        Reports.writeAll(folder, results);
        assertThat(Files.readString(folder.resolve("report.md"))).doesNotContain("## Result").contains("### /hello: requests per second");
        assertThat(Files.readString(folder.resolve("report.html"))).doesNotContain("chart shape");
    }

    interface Throughput {
        double of(ProfileRef ref, String endpoint, int level);
    }

    interface Failures {
        long of(ProfileRef ref, String endpoint, int level);
    }

    private static Failures ok() {
        return (ref, endpoint, level) -> 0;
    }

    /** A run of the experiment as planned: every profile x endpoint x level x run measured, 1 s each. */
    static Results results(Experiment experiment, Throughput throughput, Failures failures) {
        var measurements = new ArrayList<Measurement>();
        var profiles = new ArrayList<Results.ProfileInfo>();
        for (var ref : experiment.profiles()) {
            profiles.add(new Results.ProfileInfo(ref.label(), ref.profile(), knobs(ref), ref.entry()));
            for (var endpoint : experiment.endpoints()) {
                for (int run = 1; run <= experiment.runs(); run++) {
                    for (int level : experiment.levels()) {
                        double rate = throughput.of(ref, endpoint, level);
                        long failed = failures.of(ref, endpoint, level);
                        measurements.add(new Measurement(ref.label(), endpoint, experiment.load().symbol(), level, run, "embedded",
                                (long) rate, 1.0, rate, new Latency(1.0, 2.0, 5.0, 9.0, 12.0, 1.5), new Errors(0, 0, 0, failed, 0),
                                // under a rate every request here is a journey (seed 002's GETs and wall journey)
                                experiment.load() == Experiment.LoadKind.RATE ? (long) rate : 500,
                                experiment.load() == Experiment.LoadKind.RATE ? 0 : 5, Resources.of(List.of(new Sample(1.0, 0, 100, 20, 1)), 80), knobs(ref)));
                    }
                }
            }
        }
        return new Results(experiment.name(), experiment.title(), experiment.seed(), experiment.quick(), "embedded",
                "2026-12-07T00:00:00Z", "2026-12-07T00:01:00Z", false, Map.of("cpus", "2"), Map.of("layout", experiment.layout().name()),
                profiles, List.of(), measurements, List.of(), experiment.shape());
    }

    private static Map<String, String> knobs(ProfileRef ref) {
        var knobs = new LinkedHashMap<String, String>();
        knobs.put("workers", "threads");
        ref.sets().forEach(set -> knobs.put(set.substring(0, set.indexOf('=')), set.substring(set.indexOf('=') + 1)));
        return knobs;
    }
}
