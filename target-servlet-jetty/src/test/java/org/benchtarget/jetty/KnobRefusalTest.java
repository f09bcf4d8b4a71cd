package org.benchtarget.jetty;

import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Knob combinations Jetty cannot honour stop the start with one line; the WAR's knob sources and their order. */
class KnobRefusalTest {

    @Test
    void containerRefusesNioWithTheReasonInOneLine() {
        var settings = SettingsParser.parse("jetty-container", Map.of(), List.of("workers=nio"));
        assertThatThrownBy(() -> ContainerSettings.SUPPORT.check(settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("workers=nio: not supported by jetty (the WAR runs behind jetty-home's Servlet layer")
                .hasMessageContaining("use profile jetty-nio")
                .hasMessageNotContaining("\n");
    }

    @Test
    void embeddedRunsEveryWorkerModel() {
        for (var profile : List.of("jetty-nio", "jetty-nio-gzip", "jetty-threads", "jetty-virtual")) {
            JettyServer.SUPPORT.check(SettingsParser.parse(profile, Map.of(), List.of()));
        }
    }

    @Test
    void embeddedRefusesContainerAndOtherTargetsProfiles() {
        assertThatThrownBy(() -> JettyServer.SUPPORT.check(SettingsParser.parse("jetty-container", Map.of(), List.of())))
                .hasMessage("mode=container: not supported by jetty (supported: in-process)");
        assertThatThrownBy(() -> JettyServer.SUPPORT.check(SettingsParser.parse("undertow-nio", Map.of(), List.of())))
                .hasMessageStartingWith("target=undertow: profile undertow-nio is for target undertow, this is jetty");
    }

    @Test
    void theWarReadsProfileAndKnobsFromInitParametersAndSystemPropertiesWhichWin() {
        var system = new Properties();
        system.setProperty("bench.set.threads", "8");
        var settings = ContainerSettings.parse(Map.of("bench.profile", "jetty-container-gzip", "bench.set.threads", "4",
                "bench.set.cache", "data", "unrelated", "x"), system, Map.of());
        assertThat(settings.profile()).isEqualTo("jetty-container-gzip");
        assertThat(settings.gzip()).isTrue();
        assertThat(settings.threads()).isEqualTo(8);
        assertThat(settings.cache().data()).isTrue();
    }

    @Test
    void theWarDefaultsToTheContainerProfileAndRefusesInProcessOnes() {
        assertThat(ContainerSettings.parse(Map.of(), new Properties(), Map.of()).profile()).isEqualTo("jetty-container");
        assertThatThrownBy(() -> ContainerSettings.parse(Map.of("bench.profile", "jetty-threads"), new Properties(), Map.of()))
                .hasMessage("mode=in-process: not supported by jetty (supported: container)");
        assertThatThrownBy(() -> ContainerSettings.parse(Map.of("bench.set.workers", "nio"), new Properties(), Map.of()))
                .hasMessageStartingWith("workers=nio: not supported by jetty");
        assertThatThrownBy(() -> ContainerSettings.parse(Map.of("bench.set.gzip", "maybe"), new Properties(), Map.of()))
                .hasMessage("gzip=maybe: expected one of on, off");
        assertThatThrownBy(() -> ContainerSettings.parse(Map.of("bench.set.colour", "red"), new Properties(), Map.of()))
                .hasMessageStartingWith("--set: unknown knob 'colour'");
    }
}
