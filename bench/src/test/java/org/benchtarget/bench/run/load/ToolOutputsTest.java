package org.benchtarget.bench.run.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ab, wrk and httperf outputs recorded on this machine, read into the one result model. */
class ToolOutputsTest {

    @Test
    void abWithoutKeepalive() throws IOException {
        var outcome = AbOutput.parse(resource("ab-hello.txt"));
        assertThat(outcome.requests()).isEqualTo(2000);
        assertThat(outcome.seconds()).isEqualTo(0.650);
        assertThat(outcome.latencyMs().p50()).isEqualTo(12.0);
        assertThat(outcome.latencyMs().p90()).isEqualTo(31.0);
        assertThat(outcome.latencyMs().p99()).isEqualTo(49.0);
        assertThat(outcome.latencyMs().p999()).isNull();
        assertThat(outcome.latencyMs().max()).isEqualTo(175.0);
        assertThat(outcome.latencyMs().mean()).isEqualTo(16.261);
        assertThat(outcome.errors().total()).isZero();
    }

    @Test
    void abKeepaliveOnTheRowEndpoint() throws IOException {
        var outcome = AbOutput.parse(resource("ab-db-keepalive.txt"));
        assertThat(outcome.requests()).isEqualTo(1000);
        assertThat(outcome.errors().total()).isZero();
    }

    @Test
    void abCountsNon2xxApart() throws IOException {
        var outcome = AbOutput.parse(resource("ab-non2xx.txt"));
        assertThat(outcome.requests()).isEqualTo(300);
        assertThat(outcome.errors().non2xx()).isEqualTo(300);
        assertThat(outcome.journeys()).isZero();
    }

    @Test
    void abRefusedConnectionsAreNotAnswers() throws IOException {
        var outcome = AbOutput.parse(resource("ab-refused.txt"));
        assertThat(outcome.requests()).isZero();
        assertThat(outcome.errors().reset()).isEqualTo(15);
        assertThat(outcome.latencyMs().p50()).isNull();
    }

    @Test
    void h2loadOverH2c() throws IOException {
        var outcome = H2loadOutput.parse(resource("h2load-hello.txt"));
        assertThat(outcome.requests()).isEqualTo(11841);
        assertThat(outcome.seconds()).isEqualTo(2.07);
        assertThat(outcome.latencyMs().p50()).isNull();
        assertThat(outcome.latencyMs().max()).isEqualTo(56.59);
        assertThat(outcome.latencyMs().mean()).isEqualTo(6.6);
        assertThat(outcome.errors().total()).isZero();
    }

    @Test
    void h2loadCountsNon2xxAndRefusesWhatItCannotRead() throws IOException {
        var outcome = H2loadOutput.parse(resource("h2load-404.txt"));
        assertThat(outcome.requests()).isEqualTo(10);
        assertThat(outcome.errors().non2xx()).isEqualTo(10);
        assertThat(outcome.journeyFailures()).isEqualTo(10);
        assertThatThrownBy(() -> H2loadOutput.parse("connect to 127.0.0.1:1: Connection refused\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("h2load printed no 'finished in' line");
    }

    @Test
    void wrkWithLatencyDistribution() throws IOException {
        var outcome = WrkOutput.parse(resource("wrk-hello.txt"));
        assertThat(outcome.requests()).isEqualTo(92387);
        assertThat(outcome.seconds()).isEqualTo(2.0);
        assertThat(outcome.latencyMs().p50()).isEqualTo(0.298);
        assertThat(outcome.latencyMs().p90()).isEqualTo(2.09);
        assertThat(outcome.latencyMs().p99()).isEqualTo(17.5);
        assertThat(outcome.latencyMs().max()).isEqualTo(35.99);
        assertThat(outcome.latencyMs().mean()).isEqualTo(1.06);
        assertThat(outcome.errors().total()).isZero();
    }

    @Test
    void wrkNon2xxLineIsRead() throws IOException {
        var outcome = WrkOutput.parse(resource("wrk-non2xx.txt"));
        assertThat(outcome.requests()).isEqualTo(43618);
        assertThat(outcome.errors().non2xx()).isEqualTo(43618);
    }

    @Test
    void wrkSocketErrorsByKind() throws IOException {
        var outcome = WrkOutput.parse(resource("wrk-socket-errors.txt"));
        assertThat(outcome.errors().connect()).isZero();
        assertThat(outcome.errors().reset()).isEqualTo(39);
        assertThat(outcome.errors().timeout()).isEqualTo(5);
    }

    @Test
    void wrkThatCannotConnect() throws IOException {
        var outcome = WrkOutput.parse(resource("wrk-refused.txt"));
        assertThat(outcome.requests()).isZero();
        assertThat(outcome.errors().connect()).isEqualTo(1);
    }

    @Test
    void httperfAtARate() throws IOException {
        var outcome = HttperfOutput.parse(resource("httperf-db.txt"));
        assertThat(outcome.requests()).isEqualTo(200);
        assertThat(outcome.seconds()).isEqualTo(1.991);
        assertThat(outcome.latencyMs().p50()).isEqualTo(0.5);
        assertThat(outcome.latencyMs().max()).isEqualTo(30.7);
        assertThat(outcome.latencyMs().mean()).isEqualTo(2.1);
        assertThat(outcome.errors().total()).isZero();
    }

    @Test
    void httperfRefusedConnections() throws IOException {
        var outcome = HttperfOutput.parse(resource("httperf-refused.txt"));
        assertThat(outcome.requests()).isZero();
        assertThat(outcome.errors().connect()).isEqualTo(20);
        assertThat(outcome.latencyMs().p50()).isNull();
    }

    @Test
    void unreadableOutputFailsNamingTheTool() {
        assertThatThrownBy(() -> AbOutput.parse("ab: invalid URL\nUsage: ab [options]"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ab printed no 'Complete requests' line");
    }

    private static String resource(String name) throws IOException {
        try (var stream = ToolOutputsTest.class.getResourceAsStream(name)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
