package org.benchtarget.undertow;

import org.benchtarget.bench.BenchCommand;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench token USER} signs a session the target accepts, without HTTP. */
class TokenIT {

    @Test
    void aTokenFromTheDatabasesKeyOpensTheWall() throws Exception {
        var db = SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.POSTGRES));
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(db);
        var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
        try (var server = UndertowServer.newServer(App.create(settings), settings).start()) {
            var token = bench("token", "user1", "--set", db.get(0), "--set", db.get(1), "--set", db.get(2), "--set", db.get(3));
            var page = new FormClient(URI.create("http://127.0.0.1:" + server.port())).cookie("sessionid", token).get("/wall/1");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.count("<article class=\"item\"")).isEqualTo(50);
        }
    }

    @Test
    void anInMemoryH2NeedsASharedSecretAndAnUnknownUserIsRefused() throws Exception {
        assertThat(BenchCommand.execute("token", "user1", "--set", "db=h2")).isEqualTo(2);
        var token = bench("token", "user3", "--set", "db=h2", "--set", "secret=shared");
        var settings = SettingsParser.parse("undertow-nio", Map.of(), List.of("host=127.0.0.1", "port=0", "secret=shared",
                "db.url=" + TestDatabases.h2().url()));
        try (var server = UndertowServer.newServer(App.create(settings), settings).start()) {
            var page = new FormClient(URI.create("http://127.0.0.1:" + server.port())).cookie("sessionid", token).get("/wall/3");
            assertThat(page.status()).isEqualTo(200);
        }
        assertThat(BenchCommand.execute("token", "nobody", "--set", "db=h2", "--set", "secret=shared")).isEqualTo(2);
    }

    private static String bench(String... args) {
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(BenchCommand.execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
