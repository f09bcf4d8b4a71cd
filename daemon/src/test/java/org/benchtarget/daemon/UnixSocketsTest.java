package org.benchtarget.daemon;

import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** proxy=uds asked of pieces that cannot do it stops with one line naming what can; the Jetty front can. */
class UnixSocketsTest {

    @Test
    void jettyFrontWithJettyBackendsMayUseUnixSockets() {
        assertThatCode(() -> UnixSockets.check(settings("front=jetty", "proxy=uds", "backend=jetty"))).doesNotThrowAnyException();
    }

    @Test
    void undertowFrontOrBackendIsRefusedWithOneLine() {
        assertThatThrownBy(() -> UnixSockets.check(settings("front=undertow", "proxy=uds", "backend=jetty")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("proxy=uds: front=undertow cannot connect to a Unix socket (Undertow's XNIO cannot); use front=jetty, nginx or haproxy");
        assertThatThrownBy(() -> UnixSockets.check(settings("front=jetty", "proxy=uds", "backend=undertow")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("proxy=uds: backend=undertow cannot listen on a Unix socket").hasMessageNotContaining("\n");
    }

    private static Settings settings(String... knobs) {
        return SettingsParser.parse("daemon-p2-t10", Map.of(), List.of(knobs));
    }
}
