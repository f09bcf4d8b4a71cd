package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * ECharts options for report.html: throughput by load level per profile (a bar per profile when
 * there is one level, as seed 004's req/s by processes), p50 and p99 latency by level, and the
 * target's CPU and RSS over the run's time line per profile.
 */
final class Charts {
    /** One colour per profile, the same in every chart (ECharts' own palette, in its order). */
    static final List<String> PALETTE = List.of("#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452",
            "#9a60b4", "#ea7ccc");

    /** One dash per endpoint where a chart has a line per endpoint and profile (seed 003: /hello.txt and /hello). */
    static final List<String> LINE_TYPES = List.of("solid", "dashed", "dotted");

    private Charts() {
    }

    static String colour(ReportTables tables, String profile) {
        return PALETTE.get(tables.profiles().indexOf(profile) % PALETTE.size());
    }

    record Chart(String title, Map<String, Object> option) {
    }

    static List<Chart> all(Results results, ReportTables tables) {
        var charts = new ArrayList<Chart>();
        for (var endpoint : tables.endpoints()) {
            int first = charts.size();
            if (tables.levels().size() == 1) {
                charts.add(barByProfile(tables, endpoint));
            } else {
                charts.add(byLevel(tables, endpoint, "throughput (req/s)", a -> a.throughput(), false, ""));
            }
            if (hasPercentiles(tables, endpoint)) { // h2load prints none: no empty chart
                charts.add(latency(tables, endpoint));
            }
            var bound = tables.aggregates().stream().filter(a -> a.endpoint().equals(endpoint) && a.driverBound())
                    .map(a -> a.profile() + " " + tables.symbol() + "=" + a.level()).toList();
            if (!bound.isEmpty()) {
                // say it where the figures are: these points measure the load driver
                for (int i = first; i < charts.size(); i++) {
                    var chart = charts.get(i);
                    charts.set(i, new Chart(chart.title() + " (driver-bound: " + String.join(", ", bound) + ")", chart.option()));
                }
            }
        }
        for (var profile : tables.profiles()) {
            charts.add(resources(results, profile));
        }
        return charts;
    }

    /**
     * The declared shape's charts: a line per series over the declared x (a value axis when x is numeric), one colour
     * per profile (or line label) and one dash per endpoint in every chart, the title inside the chart so a screenshot
     * of it says what it shows.
     */
    static List<Chart> shaped(Results results, List<ShapedResult.Chart> shaped) {
        var colourKeys = new ArrayList<String>();
        var styleKeys = new ArrayList<String>();
        shaped.forEach(chart -> chart.lines().forEach(line -> {
            if (!colourKeys.contains(line.colourKey())) {
                colourKeys.add(line.colourKey());
            }
            if (!styleKeys.contains(line.styleKey())) {
                styleKeys.add(line.styleKey());
            }
        }));
        var charts = new ArrayList<Chart>();
        for (var chart : shaped) {
            var series = new ArrayList<Map<String, Object>>();
            for (var line : chart.lines()) {
                var data = new ArrayList<Object>();
                for (int x = 0; x < chart.xValues().size(); x++) {
                    var value = line.cells().get(x).value();
                    if (chart.numericX()) {
                        if (value != null) {
                            data.add(List.of(Double.parseDouble(chart.xValues().get(x)), value));
                        }
                    } else {
                        data.add(value);
                    }
                }
                var colour = PALETTE.get(colourKeys.indexOf(line.colourKey()) % PALETTE.size());
                var dash = LINE_TYPES.get(styleKeys.indexOf(line.styleKey()) % LINE_TYPES.size());
                series.add(Map.of("name", line.label(), "type", "line", "data", data, "connectNulls", true, "symbolSize", 7,
                        "itemStyle", Map.of("color", colour), "lineStyle", Map.of("color", colour, "width", 2, "type", dash)));
            }
            var title = ShapedTables.title(results, chart);
            var metric = chart.metric();
            var option = new LinkedHashMap<String, Object>();
            option.put("animation", false);
            option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
            option.put("tooltip", Map.of("trigger", "axis"));
            option.put("legend", Map.of("top", 28, "type", "scroll"));
            option.put("grid", Map.of("left", 70, "right", 30, "top", 70, "bottom", chart.numericX() ? 50 : 80));
            // whole numbers on an axis of counts (processes, clients): no tick at 1.5 processes
            boolean whole = chart.xValues().stream().allMatch(x -> x.matches("-?\\d+"));
            option.put("xAxis", chart.numericX()
                    ? Map.of("type", "value", "name", chart.xName(), "nameLocation", "middle", "nameGap", 30, "min", "dataMin",
                    "max", "dataMax", "minInterval", whole ? 1 : 0)
                    // every step named (seed 002's seven), long names wrapped rather than skipped
                    : Map.of("type", "category", "data", chart.xValues(), "name", chart.xName(), "nameLocation", "middle", "nameGap", 55,
                    "axisLabel", Map.of("interval", 0, "width", 100, "overflow", "break", "lineHeight", 15)));
            option.put("yAxis", Map.of("type", "value", "name", metric.key().equals(metric.unit()) ? metric.unit()
                    : metric.key() + " (" + metric.unit() + ")"));
            option.put("series", series);
            charts.add(new Chart(title, option));
        }
        return charts;
    }

    private static Chart byLevel(ReportTables tables, String endpoint, String what, Function<Aggregate, Double> value,
                                 boolean log, String suffix) {
        var series = new ArrayList<Map<String, Object>>();
        for (var profile : tables.profiles()) {
            var data = new ArrayList<Object>();
            for (int level : tables.levels()) {
                var found = tables.find(profile, endpoint, level);
                data.add(found == null ? null : value.apply(found));
            }
            var colour = colour(tables, profile);
            series.add(Map.of("name", profile + suffix, "type", "line", "data", data, "connectNulls", true,
                    "itemStyle", Map.of("color", colour), "lineStyle", Map.of("color", colour)));
        }
        return new Chart(endpoint + ": " + what + " by " + tables.levelName(),
                option(tables.levels().stream().map(String::valueOf).toList(), tables.levelName(), what, log, series));
    }

    private static Chart barByProfile(ReportTables tables, String endpoint) {
        int level = tables.levels().get(0);
        var data = new ArrayList<Object>();
        for (var profile : tables.profiles()) {
            var found = tables.find(profile, endpoint, level);
            data.add(found == null ? null : found.throughput());
        }
        var series = List.<Map<String, Object>>of(Map.of("name", "req/s", "type", "bar", "data", data));
        return new Chart(endpoint + ": throughput (req/s) by profile at " + tables.levelName() + " " + level,
                option(tables.profiles(), "profile", "req/s", false, series));
    }

    private static boolean hasPercentiles(ReportTables tables, String endpoint) {
        return tables.aggregates().stream().anyMatch(a -> a.endpoint().equals(endpoint) && (a.p50() != null || a.p99() != null));
    }

    private static Chart latency(ReportTables tables, String endpoint) {
        var series = new ArrayList<Map<String, Object>>();
        for (var profile : tables.profiles()) {
            for (var percentile : List.of("p50", "p99")) {
                var data = new ArrayList<Object>();
                for (int level : tables.levels()) {
                    var found = tables.find(profile, endpoint, level);
                    data.add(found == null ? null : percentile.equals("p50") ? found.p50() : found.p99());
                }
                // a profile's p50 and p99 in its colour, told apart by the line: solid p50, dashed p99
                var colour = colour(tables, profile);
                series.add(Map.of("name", profile + " " + percentile, "type", "line", "data", data, "connectNulls", true,
                        "itemStyle", Map.of("color", colour),
                        "lineStyle", Map.of("color", colour, "type", percentile.equals("p50") ? "solid" : "dashed")));
            }
        }
        return new Chart(endpoint + ": latency p50 (solid) and p99 (dashed), ms, by " + tables.levelName(),
                option(tables.levels().stream().map(String::valueOf).toList(), tables.levelName(), "ms (log)", true, series));
    }

    private static Chart resources(Results results, String profile) {
        var cpu = new ArrayList<Object>();
        var rss = new ArrayList<Object>();
        var threads = new ArrayList<Object>();
        // samples count from the start of the whole run: this profile's axis starts at its own first sample
        double start = results.measurements().stream().filter(m -> m.profile().equals(profile))
                .flatMap(m -> m.resources().samples().stream()).mapToDouble(sample -> sample.t()).min().orElse(0);
        for (Measurement m : results.measurements()) {
            if (!m.profile().equals(profile)) {
                continue;
            }
            for (var sample : m.resources().samples()) {
                double t = Math.round((sample.t() - start) * 100) / 100.0;
                cpu.add(List.of(t, sample.cpuPercent()));
                rss.add(List.of(t, sample.rssMiB()));
                threads.add(List.of(t, sample.threads()));
            }
        }
        var option = new LinkedHashMap<String, Object>();
        option.put("animation", false); // a report, not a show: drawn at once (screenshots and print show every point)
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 60, "right", 60, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "value", "name", "s since this profile's first measurement", "nameLocation", "middle", "nameGap", 25));
        option.put("yAxis", List.of(Map.of("type", "value", "name", "CPU % of one core"),
                Map.of("type", "value", "name", "RSS MiB / threads")));
        option.put("series", List.of(
                Map.of("name", "CPU %", "type", "scatter", "symbolSize", 4, "data", cpu),
                Map.of("name", "RSS MiB", "type", "scatter", "symbolSize", 4, "yAxisIndex", 1, "data", rss),
                Map.of("name", "threads", "type", "scatter", "symbolSize", 3, "yAxisIndex", 1, "data", threads)));
        return new Chart(profile + ": target CPU, RSS and threads during the measurements (process tree, /proc every 100 ms)", option);
    }

    private static Map<String, Object> option(List<String> categories, String xName, String yName, boolean log,
                                              List<Map<String, Object>> series) {
        var option = new LinkedHashMap<String, Object>();
        option.put("animation", false); // a report, not a show: drawn at once (screenshots and print show every point)
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50));
        option.put("xAxis", Map.of("type", "category", "data", categories, "name", xName, "nameLocation", "middle", "nameGap", 30));
        option.put("yAxis", log ? Map.of("type", "log", "name", yName) : Map.of("type", "value", "name", yName));
        option.put("series", series);
        return option;
    }
}
