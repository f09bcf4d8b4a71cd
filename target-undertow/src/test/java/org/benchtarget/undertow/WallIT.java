package org.benchtarget.undertow;

import org.benchtarget.core.App;
import org.benchtarget.core.auth.Sessions;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.web.Signer;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.UserSeed;
import org.benchtarget.db.WallSeed;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 over real HTTP on Undertow, H2 and PostgreSQL: sign-in, the wall in every query mode,
 * posting and removing, every bad input of the issue, and exact query counts.
 */
class WallIT {
    private static final String SECRET = "wall-it-secret";
    private static final Signer SIGNER = new Signer(SECRET.getBytes(StandardCharsets.UTF_8));
    private static final Pattern ITEM_ID = Pattern.compile("<article class=\"item\" id=\"item-(\\d+)\"");
    private static final WallSeed.Data SEED = WallSeed.generate();
    private static final Map<DbKind, DbConfig> DATABASES = new EnumMap<>(DbKind.class);
    private static final Map<String, UndertowServer> SERVERS = new HashMap<>();

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(UndertowServer::close);
    }

    /** Returns a server of these knobs on the class's database of {@code kind}, started once. */
    private static URI server(DbKind kind, String... knobs) {
        var key = kind + " " + String.join(" ", knobs);
        var server = SERVERS.computeIfAbsent(key, k -> {
            var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "secret=" + SECRET, "threads=4"));
            sets.addAll(List.of(knobs));
            sets.addAll(SettingsParser.dbKnobs(database(kind)));
            var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
            return UndertowServer.newServer(App.create(settings), settings).start();
        });
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The same server twice under two keys: two "processes" sharing one database. */
    private static URI secondServer(DbKind kind, String... knobs) {
        var more = new ArrayList<>(List.of(knobs));
        more.add("io-threads=1");
        return server(kind, more.toArray(String[]::new));
    }

    private static synchronized DbConfig database(DbKind kind) {
        return DATABASES.computeIfAbsent(kind, k -> {
            var fresh = TestDatabases.fresh(k);
            return new DbConfig(fresh.kind(), fresh.url(), fresh.user(), fresh.password(), 2);
        });
    }

    private static FormClient as(URI base, int userId) {
        return new FormClient(base).cookie("sessionid", new Sessions(SIGNER, Clock.systemUTC()).issue(userId));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void signsInWithTheSeededPasswordAndOut(DbKind kind) throws Exception {
        var browser = new FormClient(server(kind));
        var form = browser.get("/login?next=/wall/2");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"username\">", "<label for=\"password\">", "name=\"next\" value=\"/wall/2\"");
        assertThat(browser.cookie("csrftoken")).isNotNull();

        var reply = browser.post("/login", "csrf", form.csrf(), "username", "user1", "password", "benchpass", "next", "/wall/2");
        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("location")).isEqualTo("/wall/2");
        assertThat(reply.headers().get("set-cookie")).anyMatch(c -> c.matches("sessionid=[^;]+; Path=/; HttpOnly; SameSite=Lax"));
        assertThat(reply.queryCount()).isEqualTo(1);

        var home = browser.get("/");
        assertThat(home.body()).contains("Hello, " + escaped(UserSeed.users().get(0).displayName()), "href=\"/wall/1\"", "href=\"/wall/202\"");
        var wall = browser.get("/wall/1");
        assertThat(wall.status()).isEqualTo(200);

        var out = browser.post("/logout", "csrf", wall.csrf());
        assertThat(out.status()).isEqualTo(303);
        assertThat(browser.cookie("sessionid")).isNull();
        assertThat(browser.get("/wall/1").status()).isEqualTo(302);

        var again = new FormClient(server(kind));
        var token = again.get("/login?next=//evil.example/").csrf();
        assertThat(again.post("/login", "csrf", token, "username", "user7", "password", "benchpass", "next", "//evil.example/")
                .header("location")).as("an unsafe next is ignored").isEqualTo("/wall/7");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void wrongPasswordAndUnknownUserGetTheSame401(DbKind kind) throws Exception {
        var browser = new FormClient(server(kind));
        var token = browser.get("/login").csrf();
        var wrong = browser.post("/login", "csrf", token, "username", "user1", "password", "benchpas");
        var unknown = browser.post("/login", "csrf", token, "username", "nobody", "password", "benchpass");
        var injected = browser.post("/login", "csrf", token, "username", "' OR '1'='1", "password", "' OR '1'='1' --");
        for (var reply : List.of(wrong, unknown, injected)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body()).contains("<p class=\"error\" role=\"alert\">Wrong user name or password.</p>");
            assertThat(reply.headers().getOrDefault("set-cookie", List.of())).noneMatch(c -> c.startsWith("sessionid="));
        }
        assertThat(wrong.body()).isEqualTo(unknown.body().replace("value=\"nobody\"", "value=\"user1\""));
        assertThat(browser.post("/login", "csrf", token, "username", "user1", "password", "").status()).isEqualTo(400);
        assertThat(browser.post("/login", "csrf", token, "username", "user\u0000", "password", "x").status()).isEqualTo(400);
        assertThat(browser.cookie("sessionid")).isNull();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void signInWithoutOrWithAWrongCsrfTokenIs403(DbKind kind) throws Exception {
        var browser = new FormClient(server(kind));
        var token = browser.get("/login").csrf();
        assertThat(browser.post("/login", "username", "user1", "password", "benchpass").status()).isEqualTo(403);
        assertThat(browser.post("/login", "csrf", token + "x", "username", "user1", "password", "benchpass").status()).isEqualTo(403);
        var stranger = new FormClient(server(kind));
        assertThat(stranger.post("/login", "csrf", token, "username", "user1", "password", "benchpass").status())
                .as("a token without its cookie").isEqualTo(403);
        stranger.get("/login");
        assertThat(stranger.post("/login", "csrf", token, "username", "user1", "password", "benchpass").status())
                .as("another browser's token").isEqualTo(403);
        assertThat(browser.cookie("sessionid")).isNull();
        assertThat(stranger.cookie("sessionid")).isNull();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void noExpiredTamperedOrForeignSessionGoesToTheLoginPage(DbKind kind) throws Exception {
        var base = server(kind);
        var valid = new Sessions(SIGNER, Clock.systemUTC()).issue(1);
        var expired = new Sessions(SIGNER, Clock.fixed(Instant.now().minus(Sessions.LIFETIME).minusSeconds(1), ZoneOffset.UTC)).issue(1);
        var foreign = new Sessions(new Signer("another secret".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC()).issue(1);
        var tampered = "2" + valid.substring(1);
        int before = itemCount(kind, 1);
        for (var cookie : new String[]{null, expired, foreign, tampered, "garbage", "' OR 1=1 --"}) {
            var browser = new FormClient(base).cookie("sessionid", cookie);
            var page = browser.get("/wall/1");
            assertThat(page.status()).as(String.valueOf(cookie)).isEqualTo(302);
            assertThat(page.header("location")).isEqualTo("/login?next=%2Fwall%2F1");
            var post = browser.post("/wall/1/items", "csrf", "x", "body", "hello");
            assertThat(post.status()).isEqualTo(302);
            var home = browser.get("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).contains("href=\"/login\"").doesNotContain("Hello,");
        }
        assertThat(itemCount(kind, 1)).isEqualTo(before);
        assertThat(new FormClient(base).get("/").header("x-query-count")).as("anonymous home: no database").isNull();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonMembersGet403AndUnknownWalls404(DbKind kind) throws Exception {
        int foreignWall = wallWithout(1);
        var browser = as(server(kind), 1);
        int before = itemCount(kind, foreignWall);
        assertThat(browser.get("/wall/" + foreignWall).status()).isEqualTo(403);
        var token = browser.get("/wall/1").csrf();
        assertThat(browser.post("/wall/" + foreignWall + "/items", "csrf", token, "body", "hi").status()).isEqualTo(403);
        assertThat(itemCount(kind, foreignWall)).isEqualTo(before);
        for (var path : List.of("/wall/99999", "/wall/0", "/wall/abc", "/wall/1'--", "/wall/99999999999")) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void showsTimesInEachViewersZoneAndRemoveControlsWhereAllowed(DbKind kind) throws Exception {
        var base = server(kind);
        var user1 = UserSeed.users().get(0);
        var other = SEED.walls().get(0).members().stream().map(id -> UserSeed.users().get(id - 1))
                .filter(user -> !user.timeZone().equals(user1.timeZone())).findFirst().orElseThrow();
        var mine = as(base, 1).get("/wall/1").body();
        var theirs = as(base, other.id()).get("/wall/1").body();
        assertThat(timeOf(mine)).isNotEqualTo(timeOf(theirs));
        assertThat(new FormClient(base).cookie("sessionid", null).get("/").body()).doesNotContain("Hello,");

        var owned = as(base, 1).get("/wall/1");
        assertThat(owned.count("<article class=\"item\"")).isEqualTo(50);
        assertThat(owned.count("class=\"remove\"")).as("the owner may remove every item").isEqualTo(50);
        var member = as(base, 1).get("/wall/2");
        long sentByUser1 = SEED.items().stream().filter(item -> item.wallId() == 2 && item.senderId() == 1).count();
        assertThat(member.count("class=\"remove\"")).isEqualTo((int) sentByUser1);
        assertThat(member.body()).contains("<img src=\"https://media.example.com/photos/", "class=\"video\"", "class=\"link\"");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void postsAndRemovesItemsEscapingEverything(DbKind kind) throws Exception {
        var base = server(kind);
        var user1 = as(base, 1);
        var token = user1.get("/wall/2").csrf();
        var body = "<script>alert('x')</script> *bold* '; DROP TABLE wall_items; -- \" & https://example.com/?q=1&r='2'";
        var posted = user1.post("/wall/2/items", "csrf", token, "body", body, "media_url", "https://example.com/it's.png?a=1&b=2");
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("location")).isEqualTo("/wall/2");
        assertThat(posted.queryCount()).as("access, item, medium, stamp").isEqualTo(4);

        var page = user1.get("/wall/2");
        long id = firstItemId(page.body());
        var html = page.body().substring(page.body().indexOf("id=\"item-" + id + "\""));
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <em>bold</em> &#39;; DROP TABLE wall_items; -- &quot; &amp; ")
                .contains("<img src=\"https://example.com/it&#39;s.png?a=1&amp;b=2\"")
                .contains("action=\"/wall/2/items/" + id + "/remove\"");
        assertThat(page.body()).doesNotContain("<script>alert");
        assertThat(itemCount(kind, 2)).isEqualTo(51);

        var removed = user1.post("/wall/2/items/" + id + "/remove", "csrf", token);
        assertThat(removed.status()).isEqualTo(303);
        assertThat(removed.queryCount()).as("owners, media, item, stamp").isEqualTo(4);
        assertThat(user1.get("/wall/2").body()).doesNotContain("id=\"item-" + id + "\"");

        var others = SEED.items().stream().filter(item -> item.wallId() == 2 && item.senderId() != 1).findFirst().orElseThrow();
        assertThat(user1.post("/wall/2/items/" + others.id() + "/remove", "csrf", token).status()).isEqualTo(403);
        assertThat(user1.post("/wall/1/items/" + others.id() + "/remove", "csrf", token).status()).as("item of another wall").isEqualTo(404);
        assertThat(user1.post("/wall/2/items/1'--/remove", "csrf", token).status()).isEqualTo(404);
        assertThat(itemCount(kind, 2)).isEqualTo(50);

        var owner = as(base, 2);
        assertThat(user1.post("/wall/2/items", "csrf", token, "body", "for the owner to remove").status()).isEqualTo(303);
        long mineId = firstItemId(user1.get("/wall/2").body());
        var ownerPage = owner.get("/wall/2");
        assertThat(owner.post("/wall/2/items/" + mineId + "/remove", "csrf", ownerPage.csrf()).status()).isEqualTo(303);
        assertThat(itemCount(kind, 2)).isEqualTo(50);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void badInputStoresNothing(DbKind kind) throws Exception {
        var base = server(kind);
        var user1 = as(base, 1);
        var token = user1.get("/wall/2").csrf();
        var otherSessionsToken = as(base, 1).get("/wall/2").csrf();
        int before = itemCount(kind, 2);
        record Case(int status, String[] form) {
        }
        var cases = List.of(
                new Case(400, new String[]{"csrf", token, "body", ""}),
                new Case(400, new String[]{"csrf", token, "body", "   \n  "}),
                new Case(400, new String[]{"csrf", token}),
                new Case(400, new String[]{"csrf", token, "body", "a".repeat(2_001)}),
                new Case(400, new String[]{"csrf", token, "body", "nul \u0000 byte"}),
                new Case(400, new String[]{"csrf", token, "body", "x", "media_url", "javascript:alert(1)"}),
                new Case(400, new String[]{"csrf", token, "body", "x", "media_url", "not a url"}),
                new Case(400, new String[]{"csrf", token, "body", "x", "media_url", "ftp://example.com/a.png"}),
                new Case(400, new String[]{"csrf", token, "body", "x", "media_url", "https://example.com/" + "a".repeat(500)}),
                new Case(400, new String[]{"csrf", token, "body", "x", "body", "y"}),
                new Case(403, new String[]{"body", "x"}),
                new Case(403, new String[]{"csrf", "", "body", "x"}),
                new Case(403, new String[]{"csrf", token + "x", "body", "x"}),
                new Case(403, new String[]{"csrf", "' OR 1=1 --", "body", "x"}),
                new Case(403, new String[]{"csrf", otherSessionsToken, "body", "x"}));
        for (var test : cases) {
            var reply = user1.post("/wall/2/items", test.form());
            assertThat(reply.status()).as(String.join(",", test.form())).isEqualTo(test.status());
            assertThat(reply.body().strip()).doesNotContain("\n");
        }
        assertThat(user1.post("/wall/2/items/" + firstItemId(user1.get("/wall/2").body()) + "/remove").status()).isEqualTo(403);
        assertThat(itemCount(kind, 2)).isEqualTo(before);
        assertThat(user1.post("/wall/2/items", "csrf", token, "body", "b".repeat(2_000)).status()).as("2,000 is allowed").isEqualTo(303);
        user1.post("/wall/2/items/" + firstItemId(user1.get("/wall/2").body()) + "/remove", "csrf", token);
        assertThat(itemCount(kind, 2)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void naiveGrowsWithItemsJoinedStaysConstantACacheHitIsOneQuery(DbKind kind) throws Exception {
        var walls = Map.of(WallSeed.SMALL_WALL, 10, 1, 50, WallSeed.LARGE_WALL, 200);
        var naive = as(server(kind, "wall.queries=naive"), 1);
        var joined = as(server(kind, "wall.queries=joined"), 1);
        var cachedJoined = as(server(kind, "wall.queries=joined", "cache=data"), 1);
        var cachedNaive = as(server(kind, "wall.queries=naive", "cache=data"), 1);
        for (var wall : walls.entrySet()) {
            var path = "/wall/" + wall.getKey();
            int items = wall.getValue();
            var page = naive.get(path);
            assertThat(page.count("<article class=\"item\"")).isEqualTo(items);
            assertThat(page.queryCount()).as("naive " + path).isEqualTo(4 + 2 * items);
            assertThat(joined.get(path).queryCount()).as("joined " + path).isEqualTo(3);
            assertThat(cachedJoined.get(path).queryCount()).as("joined, cache miss " + path).isBetween(4, 5);
            var hit = cachedJoined.get(path);
            assertThat(hit.queryCount()).as("cache hit " + path).isEqualTo(1);
            assertThat(hit.body().replaceAll("value=\"[^\"]*\"", "")).isEqualTo(joined.get(path).body().replaceAll("value=\"[^\"]*\"", ""));
            cachedNaive.get(path);
            assertThat(cachedNaive.get(path).queryCount()).isEqualTo(1);
        }
        assertThat(naive.get("/").queryCount()).as("signed-in home, no cache").isEqualTo(2);
        cachedJoined.get("/");
        assertThat(cachedJoined.get("/").queryCount()).as("signed-in home, cached").isZero();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aCachedWallShowsAWriteFromAnotherProcessOnTheNextRequest(DbKind kind) throws Exception {
        var reader = as(server(kind, "cache=data"), 1);
        var writer = as(secondServer(kind, "cache=data"), 1);
        var path = "/wall/" + WallSeed.SMALL_WALL;
        reader.get(path);
        assertThat(reader.get(path).queryCount()).isEqualTo(1);

        var token = writer.get(path).csrf();
        assertThat(writer.post(path + "/items", "csrf", token, "body", "written elsewhere").status()).isEqualTo(303);
        var fresh = reader.get(path);
        assertThat(fresh.body()).contains("written elsewhere");
        assertThat(fresh.queryCount()).as("the stamp changed: reloaded").isGreaterThan(1);
        assertThat(reader.get(path).queryCount()).isEqualTo(1);

        long id = firstItemId(fresh.body());
        assertThat(writer.post(path + "/items/" + id + "/remove", "csrf", token).status()).isEqualTo(303);
        assertThat(reader.get(path).body()).doesNotContain("written elsewhere");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void cachePageNeverServesOneUsersPageToAnother(DbKind kind) throws Exception {
        var base = server(kind, "cache=page");
        var anonymous = new FormClient(base);
        assertThat(anonymous.get("/").body()).doesNotContain("Hello,");
        for (int id : new int[]{1, 2, 1}) {
            var page = as(base, id).get("/");
            assertThat(page.body()).contains("Hello, " + escaped(UserSeed.users().get(id - 1).displayName()));
            assertThat(page.header("cache-control")).isEqualTo("private, no-cache");
            assertThat(anonymous.get("/").body()).doesNotContain("Hello,");
        }
    }

    private static String timeOf(String html) {
        var matcher = Pattern.compile("<time datetime=\"[^\"]+\">([^<]+)</time>").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static long firstItemId(String html) {
        var matcher = ITEM_ID.matcher(html);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static int wallWithout(int userId) {
        return SEED.walls().stream().filter(wall -> !wall.members().contains(userId)).findFirst().orElseThrow().id();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
    }

    private static int itemCount(DbKind kind, int wallId) throws SQLException {
        try (var dataSource = Database.open(database(kind), hikari -> hikari.setMinimumIdle(0));
             var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM wall_items WHERE wall_id = ?")) {
            statement.setInt(1, wallId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
