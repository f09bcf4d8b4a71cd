package org.benchtarget.db;

import java.util.Objects;

/**
 * Where the data lives and how many connections to keep. Immutable.
 * {@link #describe()} is safe to show (no password).
 */
public record DbConfig(DbKind kind, String url, String user, String password, int poolSize) {

    /**
     * The embedded default: one H2 database per process, kept while the process lives. {@link Database} opens it as a
     * file in a temporary folder ({@link EmbeddedH2}), so stored rows do not fill the heap; the URL names it here.
     */
    public static final String DEFAULT_H2_URL = "jdbc:h2:mem:benchtarget;DB_CLOSE_DELAY=-1";

    public DbConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static DbConfig h2(String url, int poolSize) {
        return new DbConfig(DbKind.H2, url, "sa", "", poolSize);
    }

    /** Returns the URL to connect to: the embedded default's is a file of this process (see {@link EmbeddedH2}). */
    public String jdbcUrl() {
        return url.equals(DEFAULT_H2_URL) ? EmbeddedH2.fileUrl("benchtarget") : url;
    }

    /** Returns kind and URL without credentials, for logs and /info. */
    public String describe() {
        var withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        // H2 takes settings after ';', a password among them
        return kind.knobValue() + " " + withoutQuery.replaceAll("(?i)(password|pwd)=[^;]*", "$1=(set)");
    }
}
