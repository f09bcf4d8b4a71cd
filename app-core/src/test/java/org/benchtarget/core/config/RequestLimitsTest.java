package org.benchtarget.core.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestLimitsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        var limits = SettingsParser.parse(null, Map.of(), List.of()).limits();
        assertThat(limits).isEqualTo(RequestLimits.DEFAULTS);
        assertThat(limits.maxHeaderBytes()).isEqualTo(16_384);
        assertThat(limits.maxBodyBytes()).isEqualTo(65_536);
        assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void knobsSetTheLimits() {
        var limits = SettingsParser.parse("jetty-threads", Map.of("BENCH_REQUEST_MAX_BODY", "8192"),
                List.of("request.max-header=4096", "request.idle-timeout=500ms")).limits();
        assertThat(limits).isEqualTo(new RequestLimits(4096, 8192, Duration.ofMillis(500)));
    }

    @Test
    void badOrAbsurdLimitsStopTheStartWithOneLineNamingTheKnob() {
        for (var set : List.of("request.max-header=abc", "request.max-header=100", "request.max-header=99999999999",
                "request.max-body=-1", "request.max-body=1k", "request.idle-timeout=0s", "request.idle-timeout=forever",
                "request.idle-timeout=30")) {
            var key = set.substring(0, set.indexOf('='));
            assertThatThrownBy(() -> SettingsParser.parse(null, Map.of(), List.of(set)))
                    .as(set).isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith(set + ": ")
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining(key.equals("request.idle-timeout") ? "duration" : "number");
        }
    }
}
