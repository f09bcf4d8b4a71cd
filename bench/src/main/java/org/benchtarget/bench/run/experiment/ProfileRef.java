package org.benchtarget.bench.run.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * A profile as an experiment runs it: a shipped profile plus knob overrides ({@code entry}, as written); the label
 * names it in tables and charts and says what varies ({@code P=4 T=1}, {@code jetty-threads gzip}). An optional one
 * (written with a trailing {@code ?}) is skipped with a note when this build lacks its profile, so an experiment
 * runs now and picks up e.g. daemon mode once it lands.
 */
public record ProfileRef(String label, String profile, List<String> sets, boolean optional, String entry) {

    /** Parses {@code PROFILE}, {@code PROFILE+knob=value+knob=value}, either with a trailing {@code ?}, then optionally {@code as LABEL}. */
    public static ProfileRef parse(String text) {
        var entry = text.strip();
        String label = null;
        int as = entry.indexOf(" as ");
        if (as > 0) {
            label = entry.substring(as + " as ".length()).strip();
            entry = entry.substring(0, as).strip();
        }
        boolean optional = entry.endsWith("?");
        if (optional) {
            entry = entry.substring(0, entry.length() - 1).strip();
        }
        var parts = entry.split("\\+");
        return new ProfileRef(label == null || label.isEmpty() ? entry : label, parts[0].strip(),
                Arrays.stream(parts).skip(1).map(String::strip).toList(), optional, entry);
    }

    /** True when the entry gave its own label ({@code ... as LABEL}). */
    public boolean labelled() {
        return !label.equals(entry);
    }

    ProfileRef withLabel(String newLabel) {
        return new ProfileRef(newLabel, profile, sets, optional, entry);
    }
}
