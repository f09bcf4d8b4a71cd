package org.benchtarget.core.ceiling;

import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.SettingsException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CeilingSettingsTest {

    @Test
    void honouredKnobsApply() {
        var settings = CeilingSettings.parse("jetty", Workers.THREADS, List.of("ceiling-jetty-servlet", "--set", "port=0",
                "--set", "host=127.0.0.1", "--set", "threads=8", "--set", "io-threads=1", "--set", "db.pool=4", "--set", "backlog=128"), Map.of());
        assertThat(settings.mode()).isEqualTo(Mode.CEILING);
        assertThat(settings.threads()).isEqualTo(8);
        assertThat(settings.ioThreads()).isEqualTo(1);
        assertThat(settings.db().poolSize()).isEqualTo(4);
        assertThat(settings.port()).isZero();
        assertThat(settings.backlog()).isEqualTo(128);
    }

    @Test
    void everyCeilingProfileParsesForItsServer() {
        assertThat(CeilingSettings.parse("undertow", Workers.NIO, List.of("ceiling-undertow"), Map.of()).threads()).isEqualTo(32);
        assertThat(CeilingSettings.parse("jetty", Workers.NIO, List.of("ceiling-jetty"), Map.of()).db().poolSize()).isEqualTo(32);
        assertThat(CeilingSettings.parse("spring", Workers.THREADS, List.of("ceiling-spring"), Map.of()).ioThreads()).isEqualTo(2);
    }

    @Test
    void anotherKnobIsRefusedWithOneLine() {
        assertThatThrownBy(() -> CeilingSettings.parse("undertow", Workers.NIO, List.of("ceiling-undertow", "--set", "gzip=on"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("gzip=on: a ceiling honours only host, port, threads, io-threads, backlog, db, db.url, db.user, db.password, db.pool");
        assertThatThrownBy(() -> CeilingSettings.parse("undertow", Workers.NIO, List.of("ceiling-undertow"), Map.of("BENCH_CACHE", "data")))
                .hasMessageStartingWith("cache=data: a ceiling honours only");
        assertThatThrownBy(() -> CeilingSettings.parse("undertow", Workers.NIO,
                List.of("ceiling-undertow", "--set", "inject.fail.hello=503@0.01"), Map.of()))
                .hasMessageStartingWith("inject.fail.hello: a ceiling injects nothing");
    }

    @Test
    void aTargetProfileOrAnotherServersCeilingIsRefused() {
        assertThatThrownBy(() -> CeilingSettings.parse("undertow", Workers.NIO, List.of("undertow-nio"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("mode=in-process: this main runs the ceiling of undertow (workers=nio); give a ceiling-* profile (bench profiles lists them)");
        assertThatThrownBy(() -> CeilingSettings.parse("jetty", Workers.NIO, List.of("ceiling-jetty-servlet"), Map.of()))
                .hasMessage("target=jetty, workers=threads: this main runs the ceiling of jetty (workers=nio)");
    }
}
