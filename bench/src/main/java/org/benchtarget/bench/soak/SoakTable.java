package org.benchtarget.bench.soak;

import java.util.ArrayList;
import java.util.List;

/** Renders soak rows as one Markdown table, then a line per failed row saying why. */
public final class SoakTable {
    private static final List<String> HEADER = List.of("test", "load held", "faults injected", "requests", "errors", "lost", "result");

    private SoakTable() {
    }

    public static String render(String title, List<SoakRow> rows) {
        var cells = new ArrayList<List<String>>();
        cells.add(HEADER);
        for (var row : rows) {
            cells.add(List.of(row.test(), row.load(), row.faults(), String.format("%,d", row.requests()), String.format("%,d", row.errors()),
                    row.lost() < 0 ? "-" : String.format("%,d", row.lost()), row.passed() ? "PASS" : "FAIL"));
        }
        var widths = new int[HEADER.size()];
        for (var line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        var out = new StringBuilder("### ").append(title).append("\n\n");
        for (int r = 0; r < cells.size(); r++) {
            out.append(line(cells.get(r), widths));
            if (r == 0) {
                var rule = new ArrayList<String>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                out.append(line(rule, widths));
            }
        }
        for (var row : rows) {
            if (!row.passed() || !row.detail().isEmpty()) {
                out.append("\n").append(row.passed() ? "- " : "- FAIL ").append(row.test()).append(": ").append(row.detail());
            }
        }
        return out.append('\n').toString();
    }

    private static String line(List<String> cells, int[] widths) {
        var out = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            boolean number = i >= 3 && i <= 5;
            var cell = cells.get(i);
            var pad = " ".repeat(widths[i] - cell.length());
            out.append(' ').append(number ? pad + cell : cell + pad).append(" |");
        }
        return out.append('\n').toString();
    }
}
