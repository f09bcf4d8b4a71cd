package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.benchtarget.bench.run.result.Results;
import org.benchtarget.bench.run.result.Sample;
import org.benchtarget.bench.run.result.Warmup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 23's columns: each target over its own server's ceiling, the steady-state seconds, RSS after the run. */
class ReportColumnsTest {
    private static final Map<String, Map<String, String>> KNOBS = Map.of(
            "undertow-nio", Map.of("target", "undertow", "mode", "in-process", "workers", "nio"),
            "ceiling-undertow", Map.of("target", "undertow", "mode", "ceiling", "workers", "nio"),
            "jetty-nio", Map.of("target", "jetty", "mode", "in-process", "workers", "nio"),
            "jetty-threads", Map.of("target", "jetty", "mode", "in-process", "workers", "threads"),
            "ceiling-jetty", Map.of("target", "jetty", "mode", "ceiling", "workers", "nio"),
            "daemon-p2-t10", Map.of("target", "undertow", "mode", "daemon", "workers", "nio"));
    private static final Map<String, Double> REQS = Map.of("undertow-nio", 45_000.0, "ceiling-undertow", 50_000.0,
            "jetty-nio", 60_000.0, "jetty-threads", 30_000.0, "ceiling-jetty", 75_000.0, "daemon-p2-t10", 20_000.0);

    @Test
    void eachTargetIsComparedWithItsOwnServersCeilingWhenThatRan() {
        var results = results(List.of(new Warmup("undertow-nio", "/hello", 3, 3000, 9.0, 45_000, true, 3.0)));
        var markdown = MarkdownReport.render(results, new ReportTables(results));
        assertThat(markdown).contains("### /hello: req/s over the own server's ceiling")
                .contains("| concurrency | undertow-nio | jetty-nio |")
                .contains("| 64 | 0.90x ceiling-undertow | 0.80x ceiling-jetty |");
        // jetty-threads' ceiling (ceiling-jetty-servlet) did not run, daemon mode has none, a ceiling is not over itself
        var details = new ReportTables(results).details();
        assertThat(details.headers()).last().isEqualTo("vs ceiling");
        assertThat(details.rows()).extracting(row -> row.get(0) + "=" + row.get(row.size() - 1)).containsExactly(
                "undertow-nio=0.90x ceiling-undertow", "ceiling-undertow=", "jetty-nio=0.80x ceiling-jetty", "jetty-threads=",
                "ceiling-jetty=", "daemon-p2-t10=");
    }

    @Test
    void withoutCeilingsThereIsNoRatioTable() {
        var results = results(List.of());
        var only = new Results(results.experiment(), results.title(), results.seed(), false, "embedded", "s", "f", false, Map.of(),
                Map.of(), results.profiles().stream().filter(p -> !p.label().startsWith("ceiling")).toList(), List.of(),
                results.measurements().stream().filter(m -> !m.profile().startsWith("ceiling")).toList());
        assertThat(MarkdownReport.render(only, new ReportTables(only))).doesNotContain("over the own server's ceiling")
                .doesNotContain("vs ceiling");
    }

    @Test
    void withNginxInTheRunEveryProfileIsAlsoOverNginx() {
        var base = results(List.of());
        var profiles = new ArrayList<>(base.profiles());
        profiles.add(new Results.ProfileInfo("ceiling-nginx", "ceiling-nginx", Map.of("target", "nginx", "mode", "ceiling", "workers", "nio")));
        var measurements = new ArrayList<>(base.measurements());
        measurements.add(new Measurement("ceiling-nginx", "/hello", "c", 64, 1, "embedded", 1000, 1000 / 90_000.0, 90_000.0,
                new Latency(1.0, 2.0, 3.0, 4.0, 5.0, 1.5), Errors.NONE, 1000, 0, Resources.NONE, Map.of("target", "nginx", "mode", "ceiling")));
        var results = new Results(base.experiment(), base.title(), base.seed(), false, "embedded", "s", "f", false, Map.of(), Map.of(),
                profiles, List.of(), measurements);
        var markdown = MarkdownReport.render(results, new ReportTables(results));
        assertThat(markdown).contains("### /hello: req/s over the own server's ceiling", "### /hello: req/s over nginx's",
                "| 64 | 0.50x ceiling-nginx | 0.56x ceiling-nginx | 0.67x ceiling-nginx | 0.33x ceiling-nginx | 0.83x ceiling-nginx | 0.22x ceiling-nginx |");
        // the details' last column: over the own ceiling, then over nginx; nginx itself over nothing
        var details = new ReportTables(results).details();
        assertThat(details.rows()).extracting(row -> row.get(0) + "=" + row.get(row.size() - 1)).containsExactly(
                "undertow-nio=0.90x ceiling-undertow, 0.50x ceiling-nginx", "ceiling-undertow=0.56x ceiling-nginx",
                "jetty-nio=0.80x ceiling-jetty, 0.67x ceiling-nginx", "jetty-threads=0.33x ceiling-nginx",
                "ceiling-jetty=0.83x ceiling-nginx", "daemon-p2-t10=0.22x ceiling-nginx", "ceiling-nginx=");
    }

    @Test
    void theMapFromTargetToCeiling() {
        assertThat(CeilingRatios.ceilingProfile(Map.of("target", "jetty", "mode", "container", "workers", "threads")))
                .isEqualTo("ceiling-jetty-servlet");
        assertThat(CeilingRatios.ceilingProfile(Map.of("target", "jetty", "workers", "virtual"))).isEqualTo("ceiling-jetty-servlet");
        assertThat(CeilingRatios.ceilingProfile(Map.of("target", "spring", "workers", "virtual"))).isEqualTo("ceiling-spring");
        assertThat(CeilingRatios.ceilingProfile(Map.of("target", "spring", "mode", "ceiling"))).isNull();
    }

    @Test
    void warmUpShowsTheSlowestSteadyStateOrThatItNeverLevelledOff() {
        var settled = List.of(new Warmup("a", "/hello", 4, 1, 12.0, 1, true, 6.0), new Warmup("a", "/hello", 3, 1, 9.0, 1, true, 3.5));
        assertThat(ReportTables.steady(settled)).isEqualTo("6.0");
        var rising = new ArrayList<>(settled);
        rising.add(new Warmup("a", "/hello", 10, 1, 30.2, 1, false, 27.0));
        assertThat(ReportTables.steady(rising)).isEqualTo("> 30.2");
        assertThat(ReportTables.steady(List.of(new Warmup("a", "/hello", 3, 1, 9.0, 1, true)))).isEqualTo("–");

        var results = results(List.of(new Warmup("undertow-nio", "/hello", 3, 3000, 9.0, 45_000, true, 3.0)));
        assertThat(MarkdownReport.render(results, new ReportTables(results)))
                .contains("| undertow-nio | /hello | 1 | 3,000 | 9.0 | 45,000 | 1/1 | 3.0 |");
    }

    @Test
    void memoryShowsRssAfterTheLastMeasurementAndTheMost() {
        var results = results(List.of());
        var memory = new ReportTables(results).memory();
        assertThat(memory.rows()).first().isEqualTo(List.of("undertow-nio", "95", "140"));
        assertThat(MarkdownReport.render(results, new ReportTables(results))).contains("### Memory");
    }

    private static Results results(List<Warmup> warmups) {
        var measurements = new ArrayList<Measurement>();
        var profiles = new ArrayList<Results.ProfileInfo>();
        for (var label : List.of("undertow-nio", "ceiling-undertow", "jetty-nio", "jetty-threads", "ceiling-jetty", "daemon-p2-t10")) {
            profiles.add(new Results.ProfileInfo(label, label, KNOBS.get(label)));
            double reqs = REQS.get(label);
            // RSS rises to 140 MiB under load and ends at 95
            var samples = List.of(new Sample(1, 0, 100, 20, 1), new Sample(2, 90, 140, 22, 1), new Sample(3, 50, 95, 22, 1));
            measurements.add(new Measurement(label, "/hello", "c", 64, 1, "embedded", 1000, 1000 / reqs, reqs,
                    new Latency(1.0, 2.0, 3.0, 4.0, 5.0, 1.5), Errors.NONE, 1000, 0, Resources.of(samples, 60), KNOBS.get(label)));
        }
        return new Results("ceilings-t", "a test", "000", false, "embedded", "2026-12-07T00:00:00Z", "2026-12-07T00:01:00Z", false,
                Map.of("cpus", "2"), Map.of(), profiles, warmups, measurements);
    }
}
