package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.experiment.Experiment;
import org.benchtarget.bench.run.experiment.ResultShape;
import org.benchtarget.bench.run.experiment.ResultShape.Metric;
import org.benchtarget.bench.run.result.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The declared shape as tables, one per metric, laid out as the seed's: a row per x value, a column per line
 * (per endpoint and line when endpoints sit side by side), and the ratio after each cell when one is declared.
 */
final class ShapedTables {
    private ShapedTables() {
    }

    static List<Table> of(Results results, List<ShapedResult.Chart> charts) {
        var byMetric = new LinkedHashMap<Metric, List<ShapedResult.Chart>>();
        charts.forEach(chart -> byMetric.computeIfAbsent(chart.metric(), k -> new ArrayList<>()).add(chart));
        var tables = new ArrayList<Table>();
        byMetric.forEach((metric, group) -> tables.add(table(results, metric, group)));
        return tables;
    }

    private static Table table(Results results, Metric metric, List<ShapedResult.Chart> group) {
        var shape = results.shape();
        var first = group.get(0);
        var headers = new ArrayList<String>();
        headers.add(first.xName());
        for (var chart : group) {
            for (var line : chart.lines()) {
                headers.add(group.size() > 1 ? chart.panel() + " " + line.label() : line.label());
            }
        }
        var rows = new ArrayList<List<String>>();
        for (int x = 0; x < first.xValues().size(); x++) {
            var row = new ArrayList<String>();
            row.add(first.xValues().get(x));
            for (var chart : group) {
                for (int line = 0; line < chart.lines().size(); line++) {
                    var cell = chart.lines().get(line).cells().get(x);
                    var ratio = ShapedResult.ratio(shape, chart, line, x);
                    row.add(cell.text() + (ratio == null ? "" : String.format(Locale.ROOT, " (%.2f×)", ratio)));
                }
            }
            rows.add(row);
        }
        // endpoints side by side: the columns name them, so the title does not
        var title = title(results, group.size() > 1 ? new ShapedResult.Chart(metric, "", first.xName(), first.numericX(),
                first.xValues(), first.lines()) : first);
        return new Table(title, caption(results, shape, metric), headers, rows);
    }

    /** "requests per second (req/s) by backend processes", with "(quick)" on a quick run. */
    static String title(Results results, ShapedResult.Chart chart) {
        return (chart.panel().isEmpty() ? "" : chart.panel() + ": ") + chart.metric().title() + " (" + chart.metric().unit()
                + ") by " + chart.xName() + (results.quick() ? " (quick)" : "");
    }

    private static String caption(Results results, ResultShape shape, Metric metric) {
        var parts = new ArrayList<String>();
        parts.add("the seed's shape" + (results.seed().isEmpty() ? "" : " (seed " + results.seed() + ")"));
        int runs = results.measurements().stream().mapToInt(m -> m.run()).max().orElse(0);
        parts.add(runs <= 1 ? "1 run per point" : "median of " + runs + " runs per point");
        var levels = results.measurements().stream().map(m -> m.level()).distinct().sorted().toList();
        var symbol = results.measurements().isEmpty() ? "" : results.measurements().get(0).load();
        if (metric == Metric.ERROR_ONSET) {
            parts.add("the highest " + symbol + " level (of " + levels + ") before over 1% of requests failed"
                    + (symbol.equals(Experiment.LoadKind.RATE.symbol()) ? " or less than 90% of the rate was answered (the target fell behind)" : "")
                    + ": ≥ when none failed");
        } else if (!shape.x().equals(ResultShape.LEVEL) && levels.size() == 1) {
            parts.add("at " + symbol + "=" + levels.get(0));
        } else if (!shape.x().equals(ResultShape.LEVEL) && !levels.isEmpty()) {
            parts.add("at " + symbol + "=" + levels.get(levels.size() - 1) + " (the highest level)");
        }
        if (shape.ratio().equals("first")) {
            parts.add("(n×) = ratio to the first " + (shape.x().equals(ResultShape.STEP) ? "step" : "point"));
        } else if (!shape.ratio().isEmpty()) {
            parts.add("(n×) = ratio to " + shape.ratio() + " at the same " + shape.xName());
        }
        if (metric == Metric.REQ_S) {
            parts.add("(n err) = failed requests");
        }
        parts.add("every knob of each label: the Profiles table");
        return String.join("; ", parts);
    }
}
