package org.benchtarget.core.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header value, formatted at most once a second and never older than the
 * current second (CONTRACT), whatever timers the server runs or stops. Thread-safe.
 */
public final class HttpDate {
    /**
     * RFC 9110's IMF-fixdate ({@code Sun, 06 Dec 2026 21:08:35 GMT}): a two-digit day, where the JDK's
     * RFC_1123_DATE_TIME writes {@code 6 Dec} on the 1st to the 9th of a month.
     */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private record Formatted(long epochSecond, String text) {
    }

    public HttpDate(Clock clock) {
        this.clock = clock;
    }

    public String now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        var formatted = last;
        if (formatted.epochSecond() != second) {
            formatted = new Formatted(second, format(Instant.ofEpochSecond(second)));
            last = formatted;
        }
        return formatted.text();
    }

    /** {@code instant} as an IMF-fixdate (the form of Date and Last-Modified), to the second. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
