package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CeilingsTest {
    private static final Path JAR = Path.of("some.jar");

    @Test
    void aTargetRunsItsJarsMainAndACeilingItsOwnMainFromTheSameJar() {
        assertThat(Ceilings.javaArguments(SettingsParser.parse("jetty-threads", Map.of(), List.of()), JAR))
                .containsExactly("-jar", "some.jar");
        assertThat(Ceilings.javaArguments(SettingsParser.parse("ceiling-undertow", Map.of(), List.of()), JAR))
                .containsExactly("-cp", "some.jar", "org.benchtarget.undertow.ceiling.UndertowCeiling");
        assertThat(Ceilings.mainClass(SettingsParser.parse("ceiling-jetty", Map.of(), List.of())))
                .isEqualTo("org.benchtarget.jetty.ceiling.JettyCeiling");
        assertThat(Ceilings.mainClass(SettingsParser.parse("ceiling-jetty-servlet", Map.of(), List.of())))
                .isEqualTo("org.benchtarget.jetty.ceiling.JettyServletCeiling");
        assertThat(Ceilings.mainClass(SettingsParser.parse("ceiling-spring", Map.of(), List.of())))
                .isEqualTo("org.benchtarget.spring.ceiling.SpringCeiling");
    }

    @Test
    void aWorkerModelWithoutACeilingIsRefusedWithOneLine() {
        assertThatThrownBy(() -> Ceilings.mainClass(SettingsParser.parse("ceiling-undertow", Map.of(), List.of("workers=virtual"))))
                .isInstanceOf(BenchException.class)
                .hasMessage("profile ceiling-undertow: no ceiling for target=undertow with workers=virtual "
                        + "(ceilings: jetty/nio, jetty/threads, nginx/nio, spring/threads, undertow/nio)");
    }

    @Test
    void aCeilingGetsNoStartupCache() {
        assertThat(StartupCache.none().options()).isEmpty();
        assertThat(StartupCache.none().records()).isFalse();
    }
}
