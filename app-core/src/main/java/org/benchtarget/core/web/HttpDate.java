package org.benchtarget.core.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header value, formatted at most once a second and never older than the
 * current second (CONTRACT), whatever timers the server runs or stops. Thread-safe.
 */
public final class HttpDate {
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
            formatted = new Formatted(second, DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC)));
            last = formatted;
        }
        return formatted.text();
    }
}
