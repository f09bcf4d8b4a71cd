package org.benchtarget.core.wall;

import org.benchtarget.db.UserSeed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimesTest {
    /** What LocalTimes must match: the JDK's own pattern, zone name looked up every time. */
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private final LocalTimes times = new LocalTimes();

    @Test
    void namesTheZoneByItsDaylightSavingStateAtThatInstant() {
        var berlin = ZoneId.of("Europe/Berlin");
        assertThat(times.format(Instant.parse("2026-07-01T10:00:00Z"), berlin)).isEqualTo("1 Jul 2026, 12:00 CEST");
        assertThat(times.format(Instant.parse("2026-12-01T10:00:00Z"), berlin)).isEqualTo("1 Dec 2026, 11:00 CET");
        // the cached summer name must not leak into winter, nor the other way round
        assertThat(times.format(Instant.parse("2026-07-02T10:00:00Z"), berlin)).endsWith(" CEST");
    }

    @Test
    void matchesTheJdkPatternForEverySeededZoneAcrossAYear() {
        var start = Instant.parse("2026-01-01T00:30:00Z");
        for (var id : UserSeed.ZONES) {
            var zone = ZoneId.of(id);
            for (int hours = 0; hours < 366 * 24; hours += 7) {
                var instant = start.plus(Duration.ofHours(hours));
                assertThat(times.format(instant, zone)).as("%s at %s", id, instant).isEqualTo(REFERENCE.format(instant.atZone(zone)));
            }
        }
    }
}
