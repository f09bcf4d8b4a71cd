package org.benchtarget.core.hello;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Seed 000 test 1: the current time in C {@code ctime()} form, e.g. {@code Sun Nov  2 08:05:09 2026}
 * (no newline, day of month space-padded), in the clock's zone. Formatted at most once a second:
 * the answer only changes once a second. Thread-safe.
 */
public final class Hello {
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, new byte[0]);

    private record Formatted(long epochSecond, byte[] body) {
    }

    public Hello(Clock clock) {
        this.clock = clock;
    }

    /** Returns the body bytes; callers must not modify them. */
    public byte[] body() {
        long second = Math.floorDiv(clock.millis(), 1000);
        var formatted = last;
        if (formatted.epochSecond() != second) {
            var text = CTIME.format(Instant.ofEpochSecond(second).atZone(clock.getZone()));
            formatted = new Formatted(second, text.getBytes(StandardCharsets.US_ASCII));
            last = formatted;
        }
        return formatted.body();
    }
}
