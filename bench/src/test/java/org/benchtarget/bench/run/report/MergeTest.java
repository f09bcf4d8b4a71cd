package org.benchtarget.bench.run.report;

import org.HdrHistogram.Histogram;
import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.LatencyLog;
import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.benchtarget.bench.run.result.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergeTest {

    @Test
    void percentilesComeFromTheAddedHistogramsNotFromAveraging(@TempDir Path dir) throws IOException {
        // host A: 990 fast answers (1 ms) and 10 slow (100 ms); host B: 1000 answers of 2 ms
        var a = histogram();
        a.recordValueWithCount(1_000, 990);
        a.recordValueWithCount(100_000, 10);
        var b = histogram();
        b.recordValueWithCount(2_000, 1_000);
        write(dir.resolve("load1"), "seed-t", a, new Errors(0, 0, 1, 0, 0));
        write(dir.resolve("load2"), "seed-t", b, Errors.NONE);

        var merged = Merge.merge(List.of(dir.resolve("load1"), dir.resolve("load2")), dir.resolve("merged"));

        var m = merged.measurements().get(0);
        assertThat(m.requests()).isEqualTo(2_000);
        assertThat(m.throughput()).isEqualTo(400.0);
        assertThat(m.errors().total()).isEqualTo(1);
        // the p99 of all 2,000 answers is 2 ms; host A's own p99 is 100 ms, so an average of p99s would say 51 ms
        assertThat(m.latencyMs().p99()).isEqualTo(2.0);
        assertThat(m.latencyMs().max()).isBetween(99.0, 101.0);
        assertThat(merged.loadHosts()).extracting(Results.LoadHost::name).containsExactly("load1", "load2");
        assertThat(LatencyLog.read(dir.resolve("merged")).get(m.histogram()).getTotalCount()).isEqualTo(2_000);
        assertThat(Files.readString(dir.resolve("merged").resolve("report.md"))).contains("### Per load host", "| all (merged) | 2000 |");
        assertThat(Reports.read(dir.resolve("merged")).loadHosts()).hasSize(2);
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws IOException {
        write(dir.resolve("a"), "seed-t", histogram(), Errors.NONE);
        write(dir.resolve("b"), "seed-u", histogram(), Errors.NONE);
        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("a")), dir.resolve("m")))
                .isInstanceOf(BenchException.class).hasMessageContaining("two or more");
        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("a"), dir.resolve("b")), dir.resolve("m")))
                .isInstanceOf(BenchException.class).hasMessageContaining("merge only runs of one experiment");
        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("a"), dir.resolve("nothing")), dir.resolve("m")))
                .isInstanceOf(BenchException.class).hasMessageContaining("no results.json in");
        write(dir.resolve("c"), "seed-t", histogram(), Errors.NONE);
        Merge.merge(List.of(dir.resolve("a"), dir.resolve("c")), dir.resolve("ac"));
        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("ac"), dir.resolve("c")), dir.resolve("m")))
                .isInstanceOf(BenchException.class).hasMessageContaining("already a merge");
    }

    private static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    private static void write(Path folder, String experiment, Histogram latencies, Errors errors) throws IOException {
        Files.createDirectories(folder);
        LatencyLog.create(folder);
        LatencyLog.append(folder, "m1", latencies, 1_000_000, 1_005_000);
        var m = new Measurement("target", "/hello", "c", 10, 1, "embedded", latencies.getTotalCount(), 5.0, 200.0,
                Latency.fromMicros(latencies), errors, latencies.getTotalCount(), 0, Resources.NONE, Map.of(), "m1");
        Reports.writeAll(folder, new Results(experiment, "a test", "t", true, "embedded", "2026-11-23T00:00:00Z",
                "2026-11-23T00:01:00Z", false, Map.of("cpus", "2"), Map.of("layout", "PER_ENDPOINT"),
                List.of(new Results.ProfileInfo("target", "target", Map.of())), List.of(), List.of(m)));
    }
}
