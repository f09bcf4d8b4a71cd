package org.benchtarget.bench.run.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.benchtarget.bench.run.result.Results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * report.html: the tables and the charts in one file that opens from disk with no network: ECharts
 * (Apache ECharts, from its webjar at build time) is inlined, the data is inlined as chart options.
 */
final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}
            th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}
            th{background:#f3f3f3} td:first-child,th:first-child{text-align:left}
            .chart{height:380px;margin:1em 0 2em;border:1px solid #eee}
            h3{margin-top:1.5em}
            .shape-row{display:flex;flex-wrap:wrap;gap:1em} .shape-row .chart{flex:1 1 520px;height:420px}
            """;

    private static final ObjectMapper COMPACT = new ObjectMapper();

    private HtmlReport() {
    }

    static String render(Results results, ReportTables tables) {
        var html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(results.experiment() + ": " + results.title())).append("</title><style>").append(STYLE)
                .append("</style><script>").append(echarts().replace("</script", "<\\/script")).append("</script></head><body>\n");
        html.append("<h1>").append(Html.escape(results.experiment() + (results.quick() ? " (quick)" : "") + ": " + results.title()))
                .append("</h1>\n<p>").append(results.measurements().size()).append(" measurements, driver ")
                .append(Html.escape(results.driver())).append(", ").append(Html.escape(results.started()))
                .append(results.interrupted() ? ". <b>Stopped by Ctrl-C: partial results.</b>" : "").append("</p>\n");
        int index = 0;
        var script = new StringBuilder();
        var shaped = ShapedResult.of(results);
        if (!shaped.isEmpty()) {
            // the seed's own answer first: a row of charts per metric (endpoints side by side), then its tables
            html.append("<h2>Result").append(results.quick() ? " (quick)" : "").append("</h2>\n");
            var charts = Charts.shaped(results, shaped);
            for (int i = 0; i < shaped.size(); i++) {
                if (i == 0 || shaped.get(i).metric() != shaped.get(i - 1).metric()) {
                    html.append(i == 0 ? "" : "</div>\n").append("<div class=\"shape-row\">\n");
                }
                var id = "chart-" + index++;
                html.append("<div class=\"chart shape\" id=\"").append(id).append("\"></div>\n");
                script.append(init(id, charts.get(i)));
            }
            html.append("</div>\n");
            for (var table : ShapedTables.of(results, shaped)) {
                html.append(table.html());
            }
        }
        html.append("<h2>Charts</h2>\n");
        for (var chart : Charts.all(results, tables)) {
            var id = "chart-" + index++;
            html.append("<h3>").append(Html.escape(chart.title())).append("</h3>\n<div class=\"chart\" id=\"").append(id).append("\"></div>\n");
            script.append(init(id, chart));
        }
        html.append("<h2>Tables</h2>\n");
        boolean grid = "GRID".equals(results.settings().get("layout"));
        for (var table : tables.seedTables(grid)) {
            html.append(table.html());
        }
        if (!results.loadHosts().isEmpty()) {
            html.append(tables.perLoadHost().html());
        }
        html.append(tables.details().html());
        if (tables.latencyTruth() != null) {
            html.append(tables.latencyTruth().html());
        }
        if (tables.hopCost() != null) {
            html.append(tables.hopCost().html());
        }
        html.append(tables.warmups().html()).append(tables.memory().html()).append(tables.profileKnobs().html())
                .append(tables.setup().html());
        html.append("<script>\n").append(script).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static String init(String id, Charts.Chart chart) {
        return "echarts.init(document.getElementById('" + id + "')).setOption(" + json(chart.option()) + ");\n";
    }

    private static String json(Object value) {
        try {
            return COMPACT.writeValueAsString(value).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String echarts() {
        try (var stream = HtmlReport.class.getResourceAsStream("echarts.min.js")) {
            if (stream == null) {
                throw new IllegalStateException("echarts.min.js missing from bench's jar (a broken build?)");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
