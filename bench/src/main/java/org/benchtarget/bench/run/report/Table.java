package org.benchtarget.bench.run.report;

import java.util.List;

/** A report table, rendered both as Markdown (report.md) and HTML (report.html). */
record Table(String title, String caption, List<String> headers, List<List<String>> rows) {

    String markdown() {
        var text = new StringBuilder();
        text.append("### ").append(title).append("\n\n");
        if (!caption.isEmpty()) {
            text.append(caption).append("\n\n");
        }
        text.append("| ").append(String.join(" | ", headers)).append(" |\n");
        text.append("|").append("---|".repeat(headers.size())).append('\n');
        for (var row : rows) {
            text.append("| ").append(String.join(" | ", row.stream().map(cell -> cell.replace("|", "\\|")).toList())).append(" |\n");
        }
        return text.append('\n').toString();
    }

    String html() {
        var text = new StringBuilder();
        text.append("<h3>").append(Html.escape(title)).append("</h3>\n");
        if (!caption.isEmpty()) {
            text.append("<p>").append(Html.escape(caption)).append("</p>\n");
        }
        text.append("<table><thead><tr>");
        headers.forEach(header -> text.append("<th>").append(Html.escape(header)).append("</th>"));
        text.append("</tr></thead><tbody>\n");
        for (var row : rows) {
            text.append("<tr>");
            row.forEach(cell -> text.append("<td>").append(Html.escape(cell)).append("</td>"));
            text.append("</tr>\n");
        }
        return text.append("</tbody></table>\n").toString();
    }
}
