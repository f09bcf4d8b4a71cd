package org.benchtarget.spring;

import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the Spring target refuses at start, and how its command line and knobs map to Spring. No server. */
class SpringSettingsTest {

    @Test
    void refusesNioWithOneLine() {
        var settings = SettingsParser.parse("spring-jetty", Map.of(), List.of("workers=nio"));
        assertThatThrownBy(() -> SpringServer.newServer(settings))
                .isInstanceOf(SettingsException.class)
                .hasMessage("workers=nio: not supported by spring (Spring MVC on a Servlet container holds a thread per request: use threads or virtual)");
    }

    @Test
    void refusesAnotherTargetsProfile() {
        var settings = SettingsParser.parse("undertow-nio", Map.of(), List.of());
        assertThatThrownBy(() -> SpringServer.newServer(settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("target=undertow: profile undertow-nio is for target undertow, this is spring");
    }

    @Test
    void refusesOtherModes() {
        var settings = SettingsParser.parse("spring-jetty", Map.of(), List.of("mode=daemon"));
        assertThatThrownBy(() -> SpringServer.newServer(settings))
                .isInstanceOf(SettingsException.class)
                .hasMessage("mode=daemon: not supported by spring (supported: in-process)");
    }

    @Test
    void badKnobValueStopsBeforeSpringStarts() {
        var split = SpringMain.Arguments.split(List.of("spring-jetty", "--set", "threads=0"));
        assertThatThrownBy(() -> SettingsParser.fromArgs(split.knobs(), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("threads=0: expected a number from 1 to 10000");
    }

    @Test
    void splitsKnobsFromSpringProperties() {
        var split = SpringMain.Arguments.split(List.of("spring-virtual", "--set", "gzip=on", "--set=cache=data",
                "port=9000", "--server.jetty.threads.max=64", "--debug"));
        assertThat(split.knobs()).containsExactly("spring-virtual", "--set", "gzip=on", "--set=cache=data", "port=9000");
        assertThat(split.spring()).containsExactly("--server.jetty.threads.max=64", "--debug");
    }

    @Test
    void knobsBecomeSpringServerProperties() {
        var threads = KnobProperties.of(SettingsParser.parse("spring-jetty", Map.of(), List.of("threads=16", "io-threads=3", "gzip=on")));
        assertThat(threads)
                .containsEntry("server.jetty.threads.max", 16 + 3 + 1)
                .containsEntry("server.jetty.threads.min", 16 + 3 + 1)
                .containsEntry("server.jetty.threads.selectors", 3)
                .containsEntry("spring.threads.virtual.enabled", false)
                .containsEntry("server.compression.enabled", true)
                .containsEntry("server.compression.min-response-size", "1024B")
                .containsEntry("server.server-header", "benchtarget-spring")
                .containsEntry("spring.lifecycle.timeout-per-shutdown-phase", "10000ms");
        var virtual = KnobProperties.of(SettingsParser.parse("spring-virtual", Map.of(), List.of()));
        assertThat(virtual)
                .containsEntry("spring.threads.virtual.enabled", true)
                .containsEntry("server.compression.enabled", false);
    }
}
