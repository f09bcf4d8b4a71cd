package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDateTest {

    @Test
    void imfFixdateHasATwoDigitDayOnTheFirstToTheNinth() {
        var clock = Clock.fixed(Instant.parse("2026-12-06T21:08:35.400Z"), ZoneId.of("Europe/Berlin"));
        assertThat(new HttpDate(clock).now()).isEqualTo("Sun, 06 Dec 2026 21:08:35 GMT");
    }

    @Test
    void lastModifiedUsesTheSameForm() {
        assertThat(HttpDate.format(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo("Sun, 01 Nov 2026 00:00:00 GMT");
        assertThat(HttpDate.format(Instant.parse("2026-11-23T09:05:01Z"))).isEqualTo("Mon, 23 Nov 2026 09:05:01 GMT");
    }
}
