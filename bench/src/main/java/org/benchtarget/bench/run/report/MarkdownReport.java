package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Results;

/** report.md: the declared shape's tables (the seed's answer) first, then the seed-shaped tables, then setup, profiles, warm-up and every measurement. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(Results results, ReportTables tables) {
        var text = new StringBuilder();
        text.append("# ").append(results.experiment()).append(results.quick() ? " (quick)" : "").append(": ")
                .append(results.title()).append("\n\n");
        text.append(results.measurements().size()).append(" measurements, driver ").append(results.driver())
                .append(", ").append(results.machine().getOrDefault("cpus", "?")).append(" CPUs (")
                .append(results.machine().getOrDefault("cpu", "?")).append("), ").append(results.started()).append(".");
        if (results.interrupted()) {
            text.append(" **Stopped by Ctrl-C: partial results.**");
        }
        text.append(" Charts: report.html.\n\n");
        var shaped = ShapedResult.of(results);
        if (!shaped.isEmpty()) {
            text.append("## Result").append(results.quick() ? " (quick)" : "").append("\n\n");
            ShapedTables.of(results, shaped).forEach(table -> text.append(table.markdown()));
            text.append("## Details\n\n");
        }
        boolean grid = "GRID".equals(results.settings().get("layout"));
        for (var table : tables.seedTables(grid)) {
            text.append(table.markdown());
        }
        if (!results.loadHosts().isEmpty()) {
            text.append(tables.perLoadHost().markdown());
        }
        text.append(tables.details().markdown());
        if (tables.latencyTruth() != null) {
            text.append(tables.latencyTruth().markdown());
        }
        if (tables.hopCost() != null) {
            text.append(tables.hopCost().markdown());
        }
        text.append(tables.warmups().markdown());
        text.append(tables.memory().markdown());
        text.append(tables.profileKnobs().markdown());
        text.append(tables.setup().markdown());
        return text.toString();
    }
}
