package org.benchtarget.db;

import java.util.Locale;

/** The databases a target can run on: H2 embedded (zero setup) or a PostgreSQL server. */
public enum DbKind {
    H2, POSTGRES;

    /** Returns the knob value, as written in profiles: {@code h2} or {@code postgres}. */
    public String knobValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
