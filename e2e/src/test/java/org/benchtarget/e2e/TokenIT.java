package org.benchtarget.e2e;

import org.benchtarget.bench.BenchCommand;
import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench token USER} signs a session that a target (started as bench starts it) accepts, without HTTP. */
class TokenIT {

    @BeforeAll
    static void benchHome() {
        // failsafe runs in e2e/; the clone's root holds target-undertow's jar
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
    }

    @Test
    void aTokenFromTheDatabasesKeyOpensTheWall() throws Exception {
        var db = SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.POSTGRES));
        var token = bench("token", "user1", "--set", db.get(0), "--set", db.get(1), "--set", db.get(2), "--set", db.get(3));
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(db);
        try (var target = start(sets)) {
            var page = wall(target.port(), 1, token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body().split("<article class=\"item\"", -1)).hasSize(1 + 50);
        }
    }

    @Test
    void anInMemoryH2NeedsASharedSecretAndAnUnknownUserIsRefused() throws Exception {
        assertThat(BenchCommand.execute("token", "user1", "--set", "db=h2")).isEqualTo(2);
        var token = bench("token", "user3", "--set", "db=h2", "--set", "secret=shared");
        try (var target = start(List.of("host=127.0.0.1", "port=0", "secret=shared"))) {
            assertThat(wall(target.port(), 3, token).statusCode()).isEqualTo(200);
        }
        assertThat(BenchCommand.execute("token", "nobody", "--set", "db=h2", "--set", "secret=shared")).isEqualTo(2);
    }

    private static TargetProcess start(List<String> sets) throws Exception {
        return TargetProcess.start(SettingsParser.parse("undertow-nio", Map.of(), sets), sets, List.of(), List.of(),
                Path.of("target", "token", "undertow-nio.log"), Duration.ofSeconds(90));
    }

    private static HttpResponse<String> wall(int port, int wall, String token) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wall/" + wall))
                    .header("Cookie", "sessionid=" + token).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
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
