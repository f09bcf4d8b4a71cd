package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyTruthTest {

    @Test
    void delayEndpointsGetTheirTruePercentilesBesideCorrectedAndRaw() {
        var table = LatencyTruth.of(List.of(
                measurement("undertow-nio", "/delay/lognormal:20ms:0.5", 1, latency(21, 39, 66), latency(20.5, 38.5, 65)),
                measurement("undertow-nio", "/delay/lognormal:20ms:0.5", 2, latency(23, 41, 90), latency(20.7, 38.7, 64.5)),
                measurement("undertow-nio", "/delay/lognormal:20ms:0.5", 3, latency(22, 40, 70), latency(20.6, 38.6, 66)),
                measurement("undertow-nio", "/hello", 1, latency(1, 2, 3), latency(0.5, 1, 2))));

        assertThat(table.headers()).containsExactly("profile", "endpoint", "rate", "p50 true", "p50 corrected", "p50 raw",
                "p90 true", "p90 corrected", "p90 raw", "p99 true", "p99 corrected", "p99 raw");
        // README's closed form for lognormal:20ms:0.5: 20.000, 37.959, 64.001 ms; medians of the three runs
        assertThat(table.rows().get(0)).containsExactly("undertow-nio", "/delay/lognormal:20ms:0.5", "200",
                "20.00", "22.00", "20.60", "37.96", "40.00", "38.60", "64.00", "70.00", "65.00");
        assertThat(table.rows().get(1)).containsExactly("undertow-nio", "/hello", "200",
                "–", "1.00", "0.50", "–", "2.00", "1.00", "–", "3.00", "2.00");
    }

    @Test
    void aQueryOrABadSpecIsNoObstacle() {
        assertThat(LatencyTruth.trueMillis("/delay/fixed:20ms?x=1")).containsExactly(20.0, 20.0, 20.0);
        assertThat(LatencyTruth.trueMillis("/delay/gamma:2")).isNull();
        assertThat(LatencyTruth.trueMillis("/hello")).isNull();
    }

    @Test
    void noRawLatenciesNoTable() {
        assertThat(LatencyTruth.of(List.of(measurement("undertow-nio", "/hello", 1, latency(1, 2, 3), null)))).isNull();
    }

    private static Latency latency(double p50, double p90, double p99) {
        return new Latency(p50, p90, p99, null, p99, p50);
    }

    private static Measurement measurement(String profile, String endpoint, int run, Latency corrected, Latency raw) {
        return new Measurement(profile, endpoint, "rate", 200, run, "embedded", 1000, 5, 200, corrected, Errors.NONE, 1000, 0,
                Resources.NONE, Map.of(), null, 10, false, raw);
    }
}
