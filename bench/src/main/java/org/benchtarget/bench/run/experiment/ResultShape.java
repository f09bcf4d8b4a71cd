package org.benchtarget.bench.run.experiment;

import org.benchtarget.bench.BenchException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What an experiment's answer looks like, as its seed drew it: the x axis (the load level, a knob that varies
 * between profiles, or the profiles themselves as steps), what makes a line (a profile, an endpoint, both, or a
 * knob's value), the metrics (a chart and a table each), and an optional ratio (to the first step, or to one line).
 * Declared in the experiment file by the {@code shape.*} keys; the report draws it before its generic tables.
 *
 * @param x        {@code level}, {@code step} or a knob name (e.g. {@code processes})
 * @param xName    the x axis's name, with its unit
 * @param series   {@code profile}, {@code endpoint}, {@code endpoint profile} or a knob name (e.g. {@code threads})
 * @param seriesName for a knob series, the short name in its labels ({@code T} gives {@code T=10})
 * @param metrics  one chart and table each
 * @param ratio    empty, {@code first} (each line to its first x) or a line's label (every line to that line)
 */
public record ResultShape(String x, String xName, String series, String seriesName, List<Metric> metrics, String ratio) {

    /** What a chart plots; {@code ERROR_ONSET} folds the load levels into one number, so its x is not the level. */
    public enum Metric {
        REQ_S("req/s", "requests per second", "req/s"),
        P99("p99", "p99 latency", "ms"),
        MS_REQ("ms/req", "mean time per request across all concurrent requests", "ms"),
        JOURNEYS_S("journeys/s", "completed journeys per second", "journeys/s"),
        FAILURES_10K("failures/10k", "failed journeys per 10,000", "per 10,000"),
        ERROR_ONSET("error-onset", "highest request rate served without errors or falling behind", "req/s");

        private final String key;
        private final String title;
        private final String unit;

        Metric(String key, String title, String unit) {
            this.key = key;
            this.title = title;
            this.unit = unit;
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }

        public String unit() {
            return unit;
        }

        static Metric parse(String experiment, String text) {
            return Arrays.stream(values()).filter(metric -> metric.key.equals(text)).findFirst().orElseThrow(() ->
                    new BenchException("experiment " + experiment + ": shape.metrics: '" + text + "' is not one of "
                            + String.join(", ", Arrays.stream(values()).map(Metric::key).toList())));
        }
    }

    public static final String LEVEL = "level";
    public static final String STEP = "step";
    public static final String PROFILE = "profile";
    public static final String ENDPOINT = "endpoint";
    public static final String ENDPOINT_PROFILE = "endpoint profile";

    private static final String KNOB = "[a-z][a-z0-9.-]*";

    /** True when the x axis is a knob's value (a number when every value is one). */
    public boolean xIsKnob() {
        return !x.equals(LEVEL) && !x.equals(STEP);
    }

    /** True when a line is a knob's value. */
    public boolean seriesIsKnob() {
        return !List.of(PROFILE, ENDPOINT, ENDPOINT_PROFILE).contains(series);
    }

    /** True when the endpoints are lines of one chart; else each endpoint gets its own chart, side by side. */
    public boolean endpointsAreLines() {
        return series.equals(ENDPOINT) || series.equals(ENDPOINT_PROFILE);
    }

    /**
     * Reads the {@code shape.*} keys ({@code values} already has the --quick ones applied); null when the experiment
     * declares no shape (its report is the generic one). {@code loadName} names a level x axis ("concurrency").
     */
    static ResultShape parse(String experiment, Map<String, String> values, String loadName) {
        var x = values.get("shape.x");
        if (x == null) {
            if (values.keySet().stream().anyMatch(key -> key.startsWith("shape."))) {
                throw new BenchException("experiment " + experiment + ": shape.x is missing (level, step or a knob name)");
            }
            return null;
        }
        if (!x.equals(LEVEL) && !x.equals(STEP) && !x.matches(KNOB)) {
            throw new BenchException("experiment " + experiment + ": shape.x=" + x + ": expected level, step or a knob name");
        }
        var series = values.getOrDefault("shape.series", PROFILE).strip().replaceAll("\\s+", " ");
        var seriesName = series;
        var as = series.split(" as ");
        if (as.length == 2) {
            series = as[0].strip();
            seriesName = as[1].strip();
        }
        boolean known = List.of(PROFILE, ENDPOINT, ENDPOINT_PROFILE).contains(series);
        if (!known && (!series.matches(KNOB) || series.equals(LEVEL) || series.equals(STEP))) {
            throw new BenchException("experiment " + experiment + ": shape.series=" + values.get("shape.series")
                    + ": expected profile, endpoint, endpoint profile or a knob name (knob as SHORT gives SHORT=value)");
        }
        if (series.equals(x)) {
            throw new BenchException("experiment " + experiment + ": shape.series and shape.x are both " + x);
        }
        var metricsText = values.get("shape.metrics");
        if (metricsText == null || metricsText.isBlank()) {
            throw new BenchException("experiment " + experiment + ": shape.metrics is missing (e.g. req/s, p99)");
        }
        var metrics = Arrays.stream(metricsText.split(",")).map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> Metric.parse(experiment, text)).toList();
        if (x.equals(LEVEL) && metrics.contains(Metric.ERROR_ONSET)) {
            throw new BenchException("experiment " + experiment + ": shape.metrics: error-onset folds the levels into one number;"
                    + " give shape.x=step or a knob");
        }
        var xName = values.getOrDefault("shape.x.name", x.equals(LEVEL) ? loadName : x);
        return new ResultShape(x, xName.strip(), series, seriesName, metrics, values.getOrDefault("shape.ratio", "").strip());
    }

    /** The x axis name for a load kind ("concurrency (clients)"), used when shape.x.name is not given. */
    static String loadName(Experiment.LoadKind load) {
        return load == Experiment.LoadKind.RATE ? "rate (req/s)" : "concurrency (clients)";
    }

    @Override
    public String toString() {
        return "x=" + x + ", series=" + series + ", metrics=" + String.join(", ", metrics.stream().map(Metric::key).toList())
                + (ratio.isEmpty() ? "" : ", ratio to " + ratio);
    }
}
