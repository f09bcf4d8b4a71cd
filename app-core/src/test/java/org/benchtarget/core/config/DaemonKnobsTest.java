package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.BackendKind;
import org.benchtarget.core.config.Modes.FrontKind;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonKnobsTest {

    @Test
    void daemonProfilesGiveProcessesThreadsFrontAndBackend() {
        var settings = SettingsParser.parse("daemon-p20-t10", Map.of(), List.of());
        assertThat(settings.mode()).isEqualTo(Mode.DAEMON);
        assertThat(settings.daemon().processes()).isEqualTo(20);
        assertThat(settings.threads()).isEqualTo(10);
        assertThat(settings.daemon().front()).isEqualTo(FrontKind.UNDERTOW);
        assertThat(settings.daemon().backend()).isEqualTo(BackendKind.UNDERTOW);
        assertThat(SettingsParser.parse("daemon-p5-t1", Map.of(), List.of()).threads()).isEqualTo(1);
        assertThat(SettingsParser.parse("daemon-nginx-p2-t10", Map.of(), List.of()).daemon().front()).isEqualTo(FrontKind.NGINX);
        assertThat(SettingsParser.parse("daemon-jetty-p2-t10", Map.of(), List.of()).daemon().front()).isEqualTo(FrontKind.JETTY);
        assertThat(SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("front=jetty", "proxy=uds")).daemon().front()).isEqualTo(FrontKind.JETTY);
        assertThat(settings.daemon().protocol()).isEqualTo(ProxyProtocol.HTTP1);
        assertThat(SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("proxy.protocol=h2c")).daemon().protocol()).isEqualTo(ProxyProtocol.H2C);
        for (var name : Profiles.names()) {
            if (name.startsWith("daemon-")) {
                assertThat(SettingsParser.parse(name, Map.of(), List.of()).mode()).as(name).isEqualTo(Mode.DAEMON);
            }
        }
    }

    @Test
    void badDaemonKnobsNameTheKnob() {
        for (var bad : List.of("processes=0", "processes=65", "processes=abc", "processes=")) {
            assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of(bad)))
                    .isInstanceOf(SettingsException.class).hasMessageStartingWith(bad + ": expected a number from 1 to 64");
        }
        assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("front=apache")))
                .isInstanceOf(SettingsException.class).hasMessage("front=apache: expected one of undertow, nginx, haproxy, jetty");
        assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("backend=spring")))
                .isInstanceOf(SettingsException.class).hasMessage("backend=spring: expected one of undertow, jetty");
        assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("proxy=fastcgi")))
                .isInstanceOf(SettingsException.class).hasMessage("proxy=fastcgi: expected one of http, uds");
        // the Jetty front's own knobs beside it: each bad value named on one line
        for (var bad : List.of("proxy=tcp", "proxy.protocol=http2", "proxy.timeout=soon")) {
            assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("front=jetty", bad)))
                    .isInstanceOf(SettingsException.class).hasMessageStartingWith(bad + ": expected ").hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("proxy.protocol=h2")))
                .isInstanceOf(SettingsException.class).hasMessage("proxy.protocol=h2: expected one of http1, h2c");
        assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("proxy.timeout=0s")))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("proxy.timeout=0s: expected a duration of more than 0");
    }
}
