package org.benchtarget.core.web;

/** Reads a cookie from a {@code Cookie} request header (RFC 6265 syntax). */
public final class Cookies {
    private Cookies() {
    }

    /** Returns the first value of cookie {@code name}, without quotes, or null. */
    public static String value(String cookieHeader, String name) {
        if (cookieHeader == null) {
            return null;
        }
        for (var pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                var value = pair.substring(eq + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }
}
