package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.experiment.Experiment;
import org.benchtarget.bench.run.experiment.ResultShape;
import org.benchtarget.bench.run.experiment.ResultShape.Metric;
import org.benchtarget.bench.run.result.Results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment's declared shape filled with its results: per metric and panel (an endpoint, or all of them when
 * endpoints are lines) the x values and one line per series, each with a cell per x. What report.md's first tables
 * and report.html's first charts draw; public so the end-to-end tests can check a run's report has it.
 */
public final class ShapedResult {
    /** More than this share of a level's requests failed: the errors have started (seed 002's "lots of 500s"). */
    static final double ONSET_SHARE = 0.01;
    /**
     * Under an open loop, a level answered at less than this share of its rate has fallen behind: its backlog grows
     * for as long as the load lasts and ends in timeouts, which a level of a few seconds does not live to see (the
     * seed's httperf runs lasted until the errors came).
     */
    static final double KEPT_UP_SHARE = 0.9;

    private ShapedResult() {
    }

    /** One chart (and one table column group): a metric over x for one panel. */
    public record Chart(Metric metric, String panel, String xName, boolean numericX, List<String> xValues, List<Line> lines) {
    }

    /**
     * A line: its label and, per x value (in order), a cell; a cell's value is null where nothing was measured. Charts
     * give lines of one {@code colourKey} one colour (a profile's lines for each endpoint) and lines of one
     * {@code styleKey} one dash (an endpoint's lines for each profile).
     */
    public record Line(String label, String colourKey, String styleKey, List<Cell> cells) {
        public boolean hasValues() {
            return cells.stream().anyMatch(cell -> cell.value() != null);
        }
    }

    /** A number and how the table shows it ("1,234", "≥ 200"). */
    public record Cell(Double value, String text) {
        static final Cell NONE = new Cell(null, "");
    }

    /** Returns the charts, in the order of the declared metrics, then panels; empty when the run declared no shape. */
    public static List<Chart> of(Results results) {
        var shape = results.shape();
        if (shape == null) {
            return List.of();
        }
        var aggregates = Aggregate.of(results.measurements());
        var endpoints = List.copyOf(new LinkedHashSet<>(aggregates.stream().map(Aggregate::endpoint).toList()));
        var panels = shape.endpointsAreLines() ? List.of("") : endpoints;
        var charts = new ArrayList<Chart>();
        for (var metric : shape.metrics()) {
            for (var panel : panels) {
                charts.add(chart(results, shape, aggregates, metric, panel, endpoints));
            }
        }
        return charts;
    }

    private static Chart chart(Results results, ResultShape shape, List<Aggregate> aggregates, Metric metric, String panel,
                               List<String> endpoints) {
        // line -> x -> cell, in first-seen order; line -> its colour and style keys
        var cells = new LinkedHashMap<String, Map<String, Cell>>();
        var keys = new LinkedHashMap<String, List<String>>();
        var xSeen = new LinkedHashSet<String>();
        int lastLevel = aggregates.stream().mapToInt(Aggregate::level).max().orElse(0);
        for (var profile : results.profiles()) {
            for (var endpoint : endpoints) {
                if (!panel.isEmpty() && !endpoint.equals(panel)) {
                    continue;
                }
                var own = aggregates.stream().filter(a -> a.profile().equals(profile.label()) && a.endpoint().equals(endpoint))
                        .sorted(Comparator.comparingInt(Aggregate::level)).toList();
                if (own.isEmpty()) {
                    continue;
                }
                var label = lineLabel(shape, profile, endpoint);
                var line = cells.computeIfAbsent(label, k -> new LinkedHashMap<>());
                keys.putIfAbsent(label, shape.series().equals(ResultShape.ENDPOINT_PROFILE)
                        ? List.of(profile.label(), endpoint) : List.of(label, ""));
                if (shape.x().equals(ResultShape.LEVEL)) {
                    for (var a : own) {
                        xSeen.add(Integer.toString(a.level()));
                        line.putIfAbsent(Integer.toString(a.level()), cell(metric, a));
                    }
                    continue;
                }
                var x = shape.x().equals(ResultShape.STEP) ? profile.label() : profile.knobs().get(shape.x());
                if (x == null) {
                    continue; // a profile without the knob has no place on this axis
                }
                xSeen.add(x);
                var at = own.stream().filter(a -> a.level() == lastLevel).findFirst().orElse(own.get(own.size() - 1));
                line.putIfAbsent(x, metric == Metric.ERROR_ONSET ? onset(own) : cell(metric, at));
            }
        }
        boolean numeric = !shape.x().equals(ResultShape.STEP) && xSeen.stream().allMatch(x -> x.matches("-?\\d+(\\.\\d+)?"));
        var xValues = new ArrayList<>(xSeen);
        if (numeric) {
            xValues.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        var lines = new ArrayList<Line>();
        cells.forEach((label, byX) -> lines.add(new Line(label, keys.get(label).get(0), keys.get(label).get(1),
                xValues.stream().map(x -> byX.getOrDefault(x, Cell.NONE)).toList())));
        return new Chart(metric, panel, shape.xName(), numeric, List.copyOf(xValues), List.copyOf(lines));
    }

    /** A line's label: the profile's, the endpoint (without a journey's parameters), both, or SHORT=value of a knob. */
    static String lineLabel(ResultShape shape, Results.ProfileInfo profile, String endpoint) {
        var shortEndpoint = endpoint.contains("?") ? endpoint.substring(0, endpoint.indexOf('?')) : endpoint;
        return switch (shape.series()) {
            case ResultShape.PROFILE -> profile.label();
            case ResultShape.ENDPOINT -> shortEndpoint;
            case ResultShape.ENDPOINT_PROFILE -> shortEndpoint + " " + profile.label();
            default -> shape.seriesName() + "=" + profile.knobs().getOrDefault(shape.series(), "?");
        };
    }

    private static Cell cell(Metric metric, Aggregate a) {
        return switch (metric) {
            case REQ_S -> new Cell(a.throughput(), ReportTables.number(a.throughput()) + ReportTables.errorsNote(a));
            case P99 -> a.p99() == null ? Cell.NONE : new Cell(a.p99(), ReportTables.ms(a.p99()));
            case MS_REQ -> new Cell(round(a.msPerRequest(), 3), String.format(Locale.ROOT, "%.2f", a.msPerRequest()));
            case JOURNEYS_S -> new Cell(round(a.journeysPerSecond(), 2), ReportTables.number(a.journeysPerSecond()));
            case FAILURES_10K -> new Cell(round(a.journeyFailuresPer10k(), 1), String.format(Locale.ROOT, "%.1f", a.journeyFailuresPer10k()));
            case ERROR_ONSET -> onset(List.of(a));
        };
    }

    /**
     * The highest level before more than 1% of requests (or journeys) failed or, under a rate, before the target fell
     * behind the rate: "≥ top" when no level failed, "< lowest" (value 0) when the lowest one did already.
     */
    static Cell onset(List<Aggregate> byLevel) {
        Aggregate clean = null;
        for (var a : byLevel) {
            if (failedShare(a) > ONSET_SHARE || fellBehind(a)) {
                return clean == null ? new Cell(0.0, "< " + a.level()) : new Cell((double) clean.level(), Integer.toString(clean.level()));
            }
            clean = a;
        }
        return clean == null ? Cell.NONE : new Cell((double) clean.level(), "≥ " + clean.level());
    }

    private static boolean fellBehind(Aggregate a) {
        if (!a.load().equals(Experiment.LoadKind.RATE.symbol()) || a.level() <= 0) {
            return false;
        }
        double answered = a.journeys() > 0 ? a.journeysPerSecond() : a.throughput();
        return answered < KEPT_UP_SHARE * a.level();
    }

    private static double failedShare(Aggregate a) {
        double requests = a.requests() == 0 ? 0 : (double) a.errors().total() / a.requests();
        long started = a.journeys() + a.journeyFailures();
        double journeys = started == 0 ? 0 : (double) a.journeyFailures() / started;
        return a.requests() == 0 && a.errors().total() > 0 ? 1 : Math.max(requests, journeys);
    }

    /** The ratio of every cell to its line's first (ratio=first) or to the named line at the same x; null where none. */
    static Double ratio(ResultShape shape, Chart chart, int line, int x) {
        var value = chart.lines().get(line).cells().get(x).value();
        if (value == null || value == 0 || shape.ratio().isEmpty()) { // "< lowest" has no ratio
            return null;
        }
        Double base = null;
        if (shape.ratio().equals("first")) {
            base = chart.lines().get(line).cells().stream().map(Cell::value).filter(v -> v != null).findFirst().orElse(null);
        } else {
            base = chart.lines().stream().filter(l -> l.label().equals(shape.ratio())).findFirst()
                    .map(l -> l.cells().get(x).value()).orElse(null);
        }
        return base == null || base == 0 ? null : value / base;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
