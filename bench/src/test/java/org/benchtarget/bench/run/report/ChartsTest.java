package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.benchtarget.bench.run.result.Results;
import org.benchtarget.bench.run.result.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** report.html's charts: a profile keeps its colour (p50 solid, p99 dashed); CPU/RSS time counts from each profile's run. */
class ChartsTest {

    @Test
    void latencyHasOneColourPerProfileAndALineStylePerPercentile() {
        var results = results();
        var latency = chart(results, "/hello: latency");
        var series = series(latency);
        assertThat(series).extracting(s -> s.get("name")).containsExactly("undertow-nio p50", "undertow-nio p99",
                "undertow-virtual p50", "undertow-virtual p99");
        assertThat(colour(series.get(0))).isEqualTo(colour(series.get(1)));
        assertThat(colour(series.get(2))).isEqualTo(colour(series.get(3))).isNotEqualTo(colour(series.get(0)));
        assertThat(lineType(series.get(0))).isEqualTo(lineType(series.get(2))).isEqualTo("solid");
        assertThat(lineType(series.get(1))).isEqualTo(lineType(series.get(3))).isEqualTo("dashed");
        var throughput = series(chart(results, "/hello: throughput"));
        assertThat(colour(throughput.get(1))).as("the same colour in every chart").isEqualTo(colour(series.get(2)));
    }

    @Test
    void resourcesCountFromTheStartOfEachProfilesRun() {
        var virtual = series(chart(results(), "undertow-virtual: target CPU"));
        @SuppressWarnings("unchecked")
        var cpu = (List<List<Object>>) virtual.get(0).get("data");
        // its samples were taken 600 s into the whole run
        assertThat(cpu.get(0).get(0)).isEqualTo(0.0);
        assertThat(cpu.get(cpu.size() - 1).get(0)).isEqualTo(30.5);
    }

    private static Charts.Chart chart(Results results, String titleStart) {
        return Charts.all(results, new ReportTables(results)).stream().filter(chart -> chart.title().startsWith(titleStart))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> series(Charts.Chart chart) {
        return (List<Map<String, Object>>) chart.option().get("series");
    }

    @SuppressWarnings("unchecked")
    private static Object colour(Map<String, Object> series) {
        return ((Map<String, Object>) series.get("lineStyle")).get("color");
    }

    @SuppressWarnings("unchecked")
    private static Object lineType(Map<String, Object> series) {
        return ((Map<String, Object>) series.get("lineStyle")).get("type");
    }

    private static Results results() {
        var measurements = new ArrayList<Measurement>();
        double start = 0;
        for (var profile : List.of("undertow-nio", "undertow-virtual")) {
            for (int level : List.of(10, 100)) {
                double t = start + (level == 100 ? 30 : 0);
                measurements.add(new Measurement(profile, "/hello", "c", level, 1, "embedded", 500, 0.5, 1000,
                        new Latency(1.0, 2.0, 5.0, 9.0, 12.0, 1.5), Errors.NONE, 500, 0,
                        Resources.of(List.of(new Sample(t, 10, 100, 20, 1), new Sample(t + 0.5, 80, 110, 22, 1)), 80),
                        Map.of("workers", "nio")));
            }
            start += 600;
        }
        return new Results("seed-t", "a test", "t", false, "embedded", "2026-11-23T00:00:00Z", "2026-11-23T00:01:00Z", false,
                Map.of("cpus", "2"), Map.of("layout", "PER_ENDPOINT"),
                List.of(new Results.ProfileInfo("undertow-nio", "undertow-nio", Map.of("workers", "nio")),
                        new Results.ProfileInfo("undertow-virtual", "undertow-virtual", Map.of("workers", "virtual"))),
                List.of(), measurements);
    }
}
