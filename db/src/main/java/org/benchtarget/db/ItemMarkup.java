package org.benchtarget.db;

/**
 * The light markup of wall items rendered to safe HTML, the way seed 002's template filters did
 * (escape, urlize, emphasis, linebreaks): everything is escaped; {@code http(s)://} URLs become
 * links; {@code *words*} become emphasis; a line break becomes {@code <br>} and a blank line a new
 * paragraph. It lives beside the seed because the seed stores its output (items' body_html), and
 * the app stores the same output when an item is posted. Stateless and thread-safe.
 */
public final class ItemMarkup {
    private ItemMarkup() {
    }

    public static String toHtml(String text) {
        var normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        var html = new StringBuilder(normalized.length() + normalized.length() / 4 + 16);
        for (var paragraph : normalized.split("\n[ \t]*\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            var lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>\n");
                }
                inline(lines[i], html);
            }
            html.append("</p>\n");
        }
        return html.toString();
    }

    /** Appends {@code text} with {@code & < > " '} as character references. */
    public static StringBuilder escape(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static void inline(String line, StringBuilder html) {
        int i = 0;
        while (i < line.length()) {
            int urlEnd = urlEnd(line, i);
            if (urlEnd > 0) {
                var url = line.substring(i, urlEnd);
                escape(url, html.append("<a href=\"")).append("\" rel=\"nofollow\">");
                escape(url, html).append("</a>");
                i = urlEnd;
                continue;
            }
            int close = emphasisEnd(line, i);
            if (close > 0) {
                escape(line.substring(i + 1, close), html.append("<em>")).append("</em>");
                i = close + 1;
                continue;
            }
            escape(line.substring(i, i + 1), html);
            i++;
        }
    }

    /** Returns the end of a URL starting at {@code start}, or -1. Trailing punctuation stays text. */
    private static int urlEnd(String line, int start) {
        if (start > 0 && Character.isLetterOrDigit(line.charAt(start - 1))) {
            return -1;
        }
        int schemeEnd = line.startsWith("https://", start) ? start + 8 : line.startsWith("http://", start) ? start + 7 : -1;
        if (schemeEnd < 0) {
            return -1;
        }
        int end = schemeEnd;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && "<>\"'`".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        while (end > schemeEnd && ".,;:!?)*".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > schemeEnd ? end : -1;
    }

    /** Returns the index of the star closing an emphasis opened at {@code start}, or -1. */
    private static int emphasisEnd(String line, int start) {
        if (line.charAt(start) != '*' || (start > 0 && Character.isLetterOrDigit(line.charAt(start - 1)))) {
            return -1;
        }
        int close = line.indexOf('*', start + 1);
        if (close <= start + 1 || Character.isWhitespace(line.charAt(start + 1)) || Character.isWhitespace(line.charAt(close - 1))) {
            return -1;
        }
        if (close + 1 < line.length() && Character.isLetterOrDigit(line.charAt(close + 1))) {
            return -1;
        }
        return close;
    }
}
