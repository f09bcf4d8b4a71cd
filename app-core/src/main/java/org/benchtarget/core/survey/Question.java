package org.benchtarget.core.survey;

import java.util.List;
import java.util.Locale;

/**
 * One question of a survey page, as the page template shows it and the form validates it.
 * {@code min}/{@code max} bound a number or a rating, {@code maxLength} a text; {@code options}
 * are a choice's labels, sent by the form as their positions 1..n. Immutable.
 */
public record Question(int id, Kind kind, String prompt, boolean required, int min, int max, int maxLength, List<String> options) {

    public enum Kind {
        SINGLE, MULTIPLE, TEXT, NUMBER, RATING;

        /** Returns the name used in the database, the page's data attributes and the results JSON. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public Question {
        options = List.copyOf(options);
    }

    /** Returns the form field name, {@code q<id>}. */
    public String field() {
        return "q" + id;
    }

    /** Returns whether the answer is stored as a number (a choice's position, a rating, a number). */
    boolean numeric() {
        return kind != Kind.TEXT;
    }
}
