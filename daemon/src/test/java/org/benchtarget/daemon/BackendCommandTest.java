package org.benchtarget.daemon;

import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendCommandTest {
    private static final BackendLaunch LAUNCH = new BackendLaunch("/jdk/bin/java", List.of("-Xmx64m"), Map.of("undertow", Path.of("/x/undertow.jar")));

    @Test
    void theFrontTerminatesTlsAndHttp2BackendsSpeakHttp11InTheClear() {
        var settings = SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("tls=on", "http2=on"));
        var db = new DbConfig(DbKind.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/b", "bench", "", 4);
        var sets = sets(BackendCommand.of(settings, LAUNCH, Path.of("/x/undertow.jar"), db, 41234, null, 0).command());
        assertThat(sets).contains("tls=off", "http2=off").doesNotContain("tls=on", "http2=on");
        assertThat(sets.stream().map(set -> set.substring(0, set.indexOf('='))).distinct().count()).as("each knob once").isEqualTo(sets.size());
    }

    @Test
    void backendRunsInProcessOnLoopbackWithEveryOtherKnobOnceAndNoCredentialsInArgs() {
        var settings = SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("gzip=on", "secret=s3cr3t", "threads=7"));
        var db = new DbConfig(DbKind.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/b", "bench", "hunter2", 4);
        var command = BackendCommand.of(settings, LAUNCH, Path.of("/x/undertow.jar"), db, 41234, null, 2);

        assertThat(command.command()).startsWith("/jdk/bin/java", "-Xmx64m").contains("-jar", "/x/undertow.jar", "daemon-p2-t10")
                .contains("-Dbenchtarget.backend.index=2"); // X-Served-By's backend index
        var sets = sets(command.command());
        assertThat(sets).contains("mode=in-process", "host=127.0.0.1", "port=41234", "target=undertow", "threads=7",
                "gzip=on", "db=postgres", "db.url=jdbc:postgresql://127.0.0.1:5432/b", "db.user=bench", "processes=2");
        assertThat(sets.stream().map(set -> set.substring(0, set.indexOf('='))).distinct().count()).as("each knob once").isEqualTo(sets.size());
        assertThat(String.join(" ", command.command())).doesNotContain("hunter2", "s3cr3t");
        assertThat(command.environment()).containsEntry(Knob.DB_PASSWORD.envName(), "hunter2").containsEntry(Knob.SECRET.envName(), "s3cr3t");
        // what the backend itself will parse: the same command line and environment
        var parsed = SettingsParser.fromArgs(command.command().subList(command.command().indexOf("daemon-p2-t10"), command.command().size()),
                command.environment());
        assertThat(parsed.db().password()).isEqualTo("hunter2");
        assertThat(parsed.port()).isEqualTo(41234);
        assertThat(parsed.mode().knobValue()).isEqualTo("in-process");
    }

    @Test
    void missingBackendJarStopsWithOneLine() {
        assertThatThrownBy(() -> LAUNCH.jar("jetty")).isInstanceOf(SettingsException.class).hasMessageStartingWith("backend=jetty: no jar");
        assertThatThrownBy(() -> LAUNCH.jar("undertow")).isInstanceOf(SettingsException.class).hasMessageContaining("no jar at /x/undertow.jar");
    }

    @Test
    void daemonRefusesBackendsItCannotRunAndPrivateDatabasesBeforeStartingAnything() {
        var jetty = SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("backend=jetty"));
        assertThatThrownBy(() -> Daemon.start(jetty, LAUNCH)).isInstanceOf(SettingsException.class).hasMessageStartingWith("backend=jetty: no jar");
        var privateH2 = SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("db.url=jdbc:h2:mem:mine"));
        assertThatThrownBy(() -> Daemon.start(privateH2, LAUNCH)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("db.url=jdbc:h2:mem:mine: in daemon mode every backend must reach the same database");
        var udsUndertow = SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("proxy=uds", "front=nginx"));
        assertThatThrownBy(() -> Daemon.start(udsUndertow, LAUNCH)).isInstanceOf(SettingsException.class)
                .hasMessage("proxy=uds: backend=undertow cannot listen on a Unix socket (Undertow's XNIO has no Unix-socket listener); use backend=jetty");
        var udsUndertowFront = SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("proxy=uds", "backend=jetty"));
        assertThatThrownBy(() -> Daemon.start(udsUndertowFront, LAUNCH)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("proxy=uds: front=undertow cannot connect to a Unix socket");
        assertThatThrownBy(() -> SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("proxy=tcp"))).isInstanceOf(SettingsException.class)
                .hasMessage("proxy=tcp: expected one of http, uds");
        var inProcess = SettingsParser.parse("undertow-nio", Map.of(), List.of());
        assertThatThrownBy(() -> Daemon.start(inProcess, LAUNCH)).isInstanceOf(SettingsException.class).hasMessageStartingWith("mode=in-process");
    }

    private static List<String> sets(List<String> command) {
        var sets = new ArrayList<String>();
        for (int i = 0; i < command.size() - 1; i++) {
            if (command.get(i).equals("--set")) {
                sets.add(command.get(i + 1));
            }
        }
        return sets;
    }
}
