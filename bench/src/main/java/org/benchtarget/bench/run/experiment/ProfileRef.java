package org.benchtarget.bench.run.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * A profile as an experiment runs it: a shipped profile plus knob overrides; the label names it in tables.
 * An optional one (written with a trailing {@code ?}) is skipped with a note when this build lacks its profile,
 * so an experiment runs now and picks up e.g. daemon mode once it lands.
 */
public record ProfileRef(String label, String profile, List<String> sets, boolean optional) {

    /** Parses {@code PROFILE}, {@code PROFILE+knob=value+knob=value}, either with a trailing {@code ?}. */
    public static ProfileRef parse(String entry) {
        var text = entry.strip();
        boolean optional = text.endsWith("?");
        if (optional) {
            text = text.substring(0, text.length() - 1).strip();
        }
        var parts = text.split("\\+");
        return new ProfileRef(text, parts[0].strip(), Arrays.stream(parts).skip(1).map(String::strip).toList(), optional);
    }
}
