package org.benchtarget.bench.verify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * CONTRACT's sign-in and wall (seed 002) as black-box checks, signed in as the seeded {@code user1}
 * with the documented password. What X-Query-Count must be it reads from /info (wall query mode,
 * cache). The checks post one item to wall 201 and remove it again: the wall's content is
 * unchanged afterwards. Not thread-safe: one run at a time.
 */
final class WallChecks {
    static final String USER = "user1";
    static final String PASSWORD = "benchpass";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern WALL_LINK = Pattern.compile("href=\"/wall/(\\d+)\"");
    static final Pattern ITEM = Pattern.compile("<article class=\"item\" id=\"item-(\\d+)\"");
    private static final String ARTICLE = "<article class=\"item\"";

    private final URI base;
    private final HttpClient client = ClientTransport.newClient().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
    private String session;

    WallChecks(URI base) {
        this.base = base;
    }

    List<Check> checks() {
        return List.of(
                new Check("login: labelled form and CSRF cookie; no token 403; wrong password and unknown user the same 401; user1 303 to /wall/1 with sessionid", this::login),
                new Check("wall: no or forged session 302 to /login?next=..., also for posts", this::sessionRequired),
                new Check("wall: 50 items with senders, times, media and remove controls; X-Query-Count of the wall mode and cache", this::wall),
                new Check("wall: not a member 403; removing someone else's item 403", this::forbidden),
                new Check("wall: post and remove an item, HTML escaped; bad body, media_url or CSRF 400/403 and nothing stored", this::postAndRemove),
                new Check("home: a signed-in user is greeted with links to their walls", this::home));
    }

    record Reply(int status, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        String csrf() {
            var matcher = CSRF.matcher(body());
            expect(matcher.find(), "no CSRF field on the page");
            return matcher.group(1);
        }

        int articles() {
            return body().split(Pattern.quote(ARTICLE), -1).length - 1;
        }
    }

    private void login() throws Exception {
        var form = get("/login", null);
        expect(form.status() == 200, "GET /login: status %d", form.status());
        for (var field : List.of("<label for=\"username\">", "<label for=\"password\">", "name=\"csrf\"")) {
            expect(form.body().contains(field), "GET /login: no %s", field);
        }
        var cookie = cookieValue(form, "csrftoken");
        expect(cookie != null, "GET /login set no csrftoken cookie");
        var jar = "csrftoken=" + cookie;
        var token = form.csrf();
        expect(post("/login", jar, "username", USER, "password", PASSWORD).status() == 403, "POST /login without CSRF token: not 403");
        var wrong = post("/login", jar, "csrf", token, "username", USER, "password", PASSWORD + "x");
        var unknown = post("/login", jar, "csrf", token, "username", "nosuchuser", "password", PASSWORD);
        expect(wrong.status() == 401 && unknown.status() == 401, "wrong password %d, unknown user %d: expected 401 both", wrong.status(), unknown.status());
        expect(errorOf(wrong).equals(errorOf(unknown)) && !errorOf(wrong).isEmpty(), "different messages: '%s' and '%s'", errorOf(wrong), errorOf(unknown));
        expect(cookieValue(wrong, "sessionid") == null && cookieValue(unknown, "sessionid") == null, "a failed login set a session cookie");
        var ok = post("/login", jar, "csrf", token, "username", USER, "password", PASSWORD);
        expect(ok.status() == 303, "POST /login as %s: status %d (password %s)", USER, ok.status(), PASSWORD);
        expect("/wall/1".equals(ok.header("location")), "Location %s, expected /wall/1", ok.header("location"));
        var setCookie = ok.response().headers().allValues("set-cookie").stream().filter(c -> c.startsWith("sessionid=")).findFirst().orElse("");
        for (var attribute : List.of("Path=/", "HttpOnly", "SameSite=Lax")) {
            expect(setCookie.contains(attribute), "session cookie without %s: %s", attribute, setCookie);
        }
        session = "sessionid=" + cookieValue(ok, "sessionid");
    }

    private void sessionRequired() throws Exception {
        for (var cookie : new String[]{null, "sessionid=1.9999999999.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "sessionid=garbage"}) {
            var page = get("/wall/1", cookie);
            expect(page.status() == 302, "%s: GET /wall/1 status %d", cookie, page.status());
            expect("/login?next=%2Fwall%2F1".equals(page.header("location")), "%s: Location %s", cookie, page.header("location"));
            var post = post("/wall/1/items", cookie, "csrf", "x", "body", "x");
            expect(post.status() == 302, "%s: POST /wall/1/items status %d", cookie, post.status());
        }
    }

    private void wall() throws Exception {
        var first = get("/wall/1", session());
        expect(first.status() == 200, "status %d", first.status());
        expect(ContractChecks.sameMediaType("text/html; charset=utf-8", first.header("content-type")), "content type %s", first.header("content-type"));
        int items = first.articles();
        expect(items == 50, "%d items on wall 1, expected 50", items);
        for (var part : List.of("<time datetime=", "class=\"remove\"", "<img src=\"https://media.example.com/photos/", "class=\"video\"", "class=\"link\"")) {
            expect(first.body().contains(part), "no %s", part);
        }
        var info = get("/info", null).body();
        boolean cached = !info.contains("\"cache\" : \"off\"");
        boolean naive = info.contains("\"wallQueries\" : \"naive\"");
        int expected = cached ? 1 : naive ? 4 + 2 * items : 3;
        int count = Integer.parseInt(get("/wall/1", session()).header("x-query-count"));
        // behind a balancer each host has its own cache: a hit comes once every host has loaded the wall
        for (int tries = 0; cached && count != expected && tries < 16; tries++) {
            count = Integer.parseInt(get("/wall/1", session()).header("x-query-count"));
        }
        expect(count == expected, "X-Query-Count %d, expected %d (%s, cache %s)", count, expected, naive ? "naive" : "joined", cached ? "on" : "off");
    }

    private void forbidden() throws Exception {
        var walls = new ArrayList<Integer>();
        var matcher = WALL_LINK.matcher(get("/", session()).body());
        while (matcher.find()) {
            walls.add(Integer.parseInt(matcher.group(1)));
        }
        expect(walls.contains(1) && walls.contains(2), "home lists walls %s, expected 1 and 2 among them", walls);
        int foreign = 1;
        while (walls.contains(foreign)) {
            foreign++;
        }
        var denied = get("/wall/" + foreign, session());
        expect(denied.status() == 403, "GET /wall/%d as a non-member: status %d", foreign, denied.status());
        var wall2 = get("/wall/2", session());
        String othersItem = null;
        for (var article : wall2.body().split(Pattern.quote(ARTICLE))) {
            var id = ITEM.matcher(ARTICLE + article);
            if (id.lookingAt() && !article.contains("class=\"remove\"")) {
                othersItem = id.group(1);
                break;
            }
        }
        expect(othersItem != null, "wall 2 shows a remove control on every item; user1 does not own it");
        var removal = post("/wall/2/items/" + othersItem + "/remove", session(), "csrf", wall2.csrf());
        expect(removal.status() == 403, "removing item %s of someone else: status %d", othersItem, removal.status());
    }

    private void postAndRemove() throws Exception {
        var path = "/wall/201";
        var page = get(path, session());
        int before = page.articles();
        var token = page.csrf();
        var bad = List.of(
                new String[]{"csrf", token, "body", ""},
                new String[]{"csrf", token, "body", "x".repeat(2_001)},
                new String[]{"csrf", token, "body", "x", "media_url", "javascript:alert(1)"},
                new String[]{"body", "x"},
                new String[]{"csrf", token + "x", "body", "x"});
        for (var form : bad) {
            var reply = post(path + "/items", session(), form);
            int want = form[0].equals("csrf") && form[1].equals(token) ? 400 : 403;
            expect(reply.status() == want, "bad post %s: status %d, expected %d", abbreviated(form), reply.status(), want);
        }
        expect(get(path, session()).articles() == before, "a rejected post stored an item");

        var body = "<script>alert('verify')</script> *bench* '; DROP TABLE users; --";
        var posted = post(path + "/items", session(), "csrf", token, "body", body, "media_url", "https://example.com/verify.png");
        expect(posted.status() == 303 && (path).equals(posted.header("location")), "post: status %d, Location %s", posted.status(), posted.header("location"));
        var after = get(path, session());
        expect(after.articles() == before + 1, "%d items after posting to %d", after.articles(), before);
        var newest = ITEM.matcher(after.body());
        expect(newest.find(), "no items");
        var id = newest.group(1);
        var article = after.body().substring(newest.start(), after.body().indexOf("</article>", newest.start()));
        expect(article.contains("&lt;script&gt;alert(&#39;verify&#39;)&lt;/script&gt; <em>bench</em>"), "body not escaped and filtered: %s", article);
        expect(!after.body().contains("<script>alert"), "a posted script came out unescaped");
        var removed = post(path + "/items/" + id + "/remove", session(), "csrf", token);
        expect(removed.status() == 303, "remove: status %d", removed.status());
        expect(get(path, session()).articles() == before, "the item is still there after removing it");
    }

    private void home() throws Exception {
        var page = get("/", session());
        expect(page.status() == 200, "status %d", page.status());
        expect(page.body().contains("Hello, ") && page.body().contains("href=\"/wall/1\""), "no greeting or no link to /wall/1");
        expect(page.header("x-query-count") != null, "a signed-in home page without X-Query-Count");
        var anonymous = get("/", null);
        expect(!anonymous.body().contains("Hello, ") && anonymous.body().contains("href=\"/login\""), "the anonymous home page is personal");
    }

    /** Returns the Cookie header of user1 signed in on this base (signing in first). */
    String session() throws Exception {
        if (session == null) {
            login();
        }
        return session;
    }

    private static String errorOf(Reply reply) {
        var matcher = Pattern.compile("<p class=\"error\"[^>]*>([^<]*)</p>").matcher(reply.body());
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String cookieValue(Reply reply, String name) {
        for (var header : reply.response().headers().allValues("set-cookie")) {
            if (header.startsWith(name + "=")) {
                var value = header.substring(name.length() + 1).split(";", 2)[0];
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String abbreviated(String[] form) {
        var text = String.join(",", form);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    Reply get(String path, String cookie) throws IOException, InterruptedException {
        return send(request(path, cookie).GET());
    }

    Reply post(String path, String cookie, String... pairs) throws IOException, InterruptedException {
        var form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path, cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private HttpRequest.Builder request(String path, String cookie) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        return cookie == null ? builder : builder.header("Cookie", cookie);
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response);
    }
}
