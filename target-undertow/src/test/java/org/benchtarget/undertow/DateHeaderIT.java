package org.benchtarget.undertow;

import org.benchtarget.bench.verify.Check;
import org.benchtarget.bench.verify.ContractChecks;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Date on the 6th of a month (a clock set there, not the calendar): IMF-fixdate's two-digit day, as bench verify checks it. */
class DateHeaderIT {

    @Test
    void dateHasATwoDigitDayOnTheSixth() throws Exception {
        var sixth = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-12-06T21:08:35Z")));
        try (var server = H2Target.start("undertow-nio", sixth, "host=127.0.0.1")) {
            var base = URI.create("http://127.0.0.1:" + server.port());
            try (var client = HttpClient.newHttpClient()) {
                var date = client.send(HttpRequest.newBuilder(base.resolve("/hello")).build(), HttpResponse.BodyHandlers.discarding())
                        .headers().firstValue("date").orElseThrow();
                assertThat(date).matches("Sun, 06 Dec 2026 21:\\d\\d:\\d\\d GMT"); // the clock ticks on from 21:08:35
            }
            var dateCheck = new ContractChecks(base).checks().stream().filter(check -> check.name().startsWith("every response")).toList();
            assertThat(dateCheck).hasSize(1);
            assertThat(Check.failures(dateCheck)).isEmpty();
        }
    }
}
