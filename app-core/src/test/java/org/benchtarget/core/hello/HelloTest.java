package org.benchtarget.core.hello;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class HelloTest {

    @Test
    void ctimeFormWithSpacePaddedDay() {
        var clock = Clock.fixed(Instant.parse("2026-11-02T08:05:09Z"), ZoneOffset.UTC);
        assertThat(text(new Hello(clock))).isEqualTo("Mon Nov  2 08:05:09 2026").hasSize(24);
    }

    @Test
    void twoDigitDayAndTheClocksZone() {
        var clock = Clock.fixed(Instant.parse("2026-11-23T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        assertThat(text(new Hello(clock))).isEqualTo("Tue Nov 24 00:30:00 2026");
    }

    @Test
    void followsTheClockFromSecondToSecond() {
        var clock = new MutableClock(Instant.parse("2026-01-05T10:00:00.100Z"));
        var hello = new Hello(clock);
        assertThat(text(hello)).isEqualTo("Mon Jan  5 10:00:00 2026");
        clock.now = Instant.parse("2026-01-05T10:00:00.900Z");
        assertThat(text(hello)).isEqualTo("Mon Jan  5 10:00:00 2026");
        clock.now = Instant.parse("2026-01-05T10:00:01.000Z");
        assertThat(text(hello)).isEqualTo("Mon Jan  5 10:00:01 2026");
    }

    private static String text(Hello hello) {
        return new String(hello.body(), StandardCharsets.US_ASCII);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
