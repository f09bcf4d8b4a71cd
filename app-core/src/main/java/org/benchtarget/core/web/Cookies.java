package org.benchtarget.core.web;

import java.util.ArrayList;

/** Reads a cookie from a {@code Cookie} request header (RFC 6265 syntax); marks cookies set over TLS {@code Secure}. */
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

    /** Returns {@code result} with {@code ; Secure} on each Set-Cookie: the request came over TLS (RFC 6265 4.1.2.5). */
    public static WebResult secure(WebResult result) {
        if (result.header("Set-Cookie") == null) {
            return result;
        }
        var headers = new ArrayList<Header>(result.headers().size());
        for (var header : result.headers()) {
            headers.add(header.name().equalsIgnoreCase("Set-Cookie") ? new Header(header.name(), secure(header.value())) : header);
        }
        return new WebResult(result.status(), result.contentType(), headers, result.body());
    }

    /** Returns a Set-Cookie value marked {@code Secure} (once): also for a daemon front that terminates TLS. */
    public static String secure(String setCookie) {
        return setCookie.toLowerCase(java.util.Locale.ROOT).matches(".*;\\s*secure\\s*(;.*)?") ? setCookie : setCookie + "; Secure";
    }
}
