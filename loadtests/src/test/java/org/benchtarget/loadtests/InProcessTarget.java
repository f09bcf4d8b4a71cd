package org.benchtarget.loadtests;

import org.benchtarget.bench.BenchCommand;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.TestDatabases;
import org.benchtarget.undertow.UndertowServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default target (undertow-nio) in this JVM on 127.0.0.1, a free port and a fresh H2 database,
 * with a known secret so that {@code bench token} signs sessions it accepts, as README shows.
 */
final class InProcessTarget implements AutoCloseable {
    private static final String SECRET = "loadtests-secret";

    private final UndertowServer server;

    InProcessTarget() {
        var settings = SettingsParser.parse("undertow-nio", Map.of(), List.of("host=127.0.0.1", "port=0", "threads=4",
                "secret=" + SECRET, "db.url=" + TestDatabases.h2().url()));
        this.server = UndertowServer.newServer(App.create(settings), settings).start();
    }

    int port() {
        return server.port();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns what {@code bench token USER --set db=h2 --set secret=...} prints: a sessionid value. */
    String token(String user) {
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(BenchCommand.execute("token", user, "--set", "db=h2", "--set", "secret=" + SECRET)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() {
        server.close();
    }
}
