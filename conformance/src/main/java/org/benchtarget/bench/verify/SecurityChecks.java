package org.benchtarget.bench.verify;

import org.benchtarget.core.auth.Sessions;
import org.benchtarget.core.web.SecurityHeaders;
import org.benchtarget.core.web.Signer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * The security side of the contract as black-box checks: session cookies, forged and expired
 * tokens, CSRF on every state-changing POST, wall authorisation, SQL metacharacters, HTML escaping,
 * open redirects, no internals or credentials in any answer, and the security headers. Signs in as
 * user1, user2 and user3 (password benchpass); posts to wall 201 and removes what it posted. Given
 * the target's {@code secret}, it also forges an expired but validly signed session. Not thread-safe.
 */
public final class SecurityChecks {
    private static final Pattern ITEM = Pattern.compile("<article class=\"item\" id=\"item-(\\d+)\"");
    private static final Pattern REMOVABLE = Pattern.compile("<article class=\"item\" id=\"item-(\\d+)\"(?:(?!</article>).)*class=\"remove\"", Pattern.DOTALL);
    private static final String WALL = "/wall/201";

    private final URI base;
    private final HttpProbe http;
    private final String secret;
    private final Leaks leaks;
    private Browser user1;

    public SecurityChecks(URI base) {
        this(base, null, null);
    }

    /**
     * {@code secret}: the target's {@code secret} knob, when known (null: the expired-token case is
     * left out); {@code dbPassword}: the database password, when known. Neither may appear in any answer.
     */
    public SecurityChecks(URI base, String secret, String dbPassword) {
        this.http = new HttpProbe(base);
        this.base = http.base();
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        this.leaks = new Leaks(secret, dbPassword);
    }

    public List<Check> checks() {
        return List.of(
                new Check("security: session and CSRF cookies HttpOnly and SameSite; signing out clears the session cookie", this::cookies),
                new Check("security: tampered, truncated, foreign-key" + (secret != null ? ", expired" : "") + " session tokens refused (302 to /login), also on POST", this::tokens),
                new Check("security: every state-changing POST refuses a missing, wrong or other session's CSRF token (403) and changes nothing", this::csrf),
                new Check("security: walls: a non-member cannot read or post (403), nobody removes others' items or items through another wall", this::authorisation),
                new Check("security: SQL metacharacters in sign-in, ids, queries and fields are harmless (4xx or stored literally)", this::sqlMetacharacters),
                new Check("security: <script> and quotes in items, media URLs, user names and survey answers come back escaped; next= stays on the site", this::escaping),
                new Check("security: no stack trace, SQL or credential in any error answer; /info, /metrics, /health show no secret", this::noInternals),
                new Check("security: HTML answers carry nosniff, the Content-Security-Policy and Referrer-Policy; every answer nosniff", this::headers));
    }

    private Browser user1() throws Exception {
        if (user1 == null) {
            user1 = new Browser(base);
            user1.signIn(Browser.USER);
        }
        return user1;
    }

    private void cookies() throws Exception {
        var browser = new Browser(base);
        var form = browser.get("/login");
        var csrfCookie = setCookie(form, "csrftoken");
        expect(csrfCookie != null, "GET /login set no csrftoken cookie");
        expectAttributes("csrftoken", csrfCookie);
        var signedIn = browser.signIn(Browser.USER);
        var session = setCookie(signedIn, Sessions.COOKIE);
        expectAttributes(Sessions.COOKIE, session);
        var wall = browser.get("/wall/1");
        var out = browser.post("/logout", "csrf", Browser.csrf(wall));
        expect(out.status() == 303, "POST /logout: %d", out.status());
        var cleared = setCookie(out, Sessions.COOKIE);
        expect(cleared != null && (cleared.startsWith(Sessions.COOKIE + "=;") || cleared.contains("Max-Age=0")),
                "POST /logout did not clear the session cookie: %s", cleared);
    }

    private static void expectAttributes(String name, String setCookie) {
        var lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        expect(lower.contains("; httponly"), "%s cookie without HttpOnly: %s", name, setCookie);
        expect(lower.contains("; samesite=lax") || lower.contains("; samesite=strict"), "%s cookie without SameSite Lax or Strict: %s", name, setCookie);
        expect(lower.contains("; path=/"), "%s cookie without Path=/: %s", name, setCookie);
    }

    private void tokens() throws Exception {
        var real = user1().cookies().substring((Sessions.COOKIE + "=").length());
        var parts = real.split("\\.");
        expect(parts.length == 4, "session token not USER.EXPIRES.NONCE.SIGNATURE: %s", real);
        var forged = new ArrayList<>(List.of(
                "2." + parts[1] + "." + parts[2] + "." + parts[3],                               // another user, same signature
                parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2] + "." + parts[3], // longer life, same signature
                parts[0] + "." + parts[1] + "." + parts[2] + "." + flipLast(parts[3]),             // signature changed
                parts[0] + "." + parts[1] + "." + parts[2] + ".",                                  // signature removed
                parts[0] + "." + parts[1] + "." + parts[2],                                        // truncated
                real + "." + parts[3],                                                             // extended
                new Sessions(new Signer("not-the-target's-key".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC()).issue(1)));
        if (secret != null) {
            // signed with the target's own key, but 15 days ago: expired a day ago
            var past = Clock.fixed(Instant.now().minus(Sessions.LIFETIME).minus(Duration.ofDays(1)), ZoneOffset.UTC);
            forged.add(new Sessions(new Signer(secret.getBytes(StandardCharsets.UTF_8)), past).issue(1));
            var fresh = new Sessions(new Signer(secret.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC()).issue(1);
            var control = new Browser(base);
            control.cookies(Sessions.COOKIE + "=" + fresh);
            expect(control.get("/wall/1").status() == 200, "a fresh token signed with the given secret was refused: is the secret right?");
        }
        for (var token : forged) {
            var browser = new Browser(base);
            browser.cookies(Sessions.COOKIE + "=" + token);
            var page = browser.get("/wall/1");
            expect(page.status() == 302 && String.valueOf(page.header("location")).startsWith("/login"),
                    "session %s: GET /wall/1 answered %d (%s), expected 302 to /login", token, page.status(), page.header("location"));
            var post = browser.post("/wall/1/items", "csrf", "x", "body", "forged");
            expect(post.status() == 302, "session %s: POST /wall/1/items answered %d, expected 302", token, post.status());
            var home = browser.get("/");
            expect(!home.text().contains("Hello, "), "session %s: the home page greets a user", token);
        }
    }

    private void csrf() throws Exception {
        var alice = user1();
        var wall = alice.get(WALL);
        int items = articles(wall);
        var own = Browser.csrf(wall);
        var bob = new Browser(base);
        bob.signIn("user2");
        var foreign = Browser.csrf(bob.get("/wall/2"));
        expect(!foreign.equals(own), "two sessions have the same CSRF token");
        var removable = REMOVABLE.matcher(wall.text());
        var item = removable.find() ? removable.group(1) : "1";
        for (var token : new String[]{null, "", "x", foreign, own + "x", own.substring(1)}) {
            var fields = token == null ? new String[]{"body", "csrf test"} : new String[]{"csrf", token, "body", "csrf test"};
            var post = alice.post(WALL + "/items", fields);
            expect(post.status() == 403, "POST %s/items with csrf %s: %d, expected 403", WALL, token, post.status());
            var remove = alice.post(WALL + "/items/" + item + "/remove", token == null ? new String[0] : new String[]{"csrf", token});
            expect(remove.status() == 403, "POST remove with csrf %s: %d, expected 403", token, remove.status());
            var logout = alice.post("/logout", token == null ? new String[0] : new String[]{"csrf", token});
            expect(logout.status() == 403, "POST /logout with csrf %s: %d, expected 403", token, logout.status());
        }
        expect(articles(alice.get(WALL)) == items, "a post with a bad CSRF token changed %s", WALL);
        expect(alice.get("/wall/1").status() == 200, "a refused /logout ended the session");

        // sign-in: the form's token must match its own cookie
        var first = new Browser(base);
        var firstForm = first.get("/login");
        var second = new Browser(base);
        var secondForm = second.get("/login");
        first.cookies("csrftoken=" + Browser.cookie(firstForm, "csrftoken"));
        var crossed = first.post("/login", "csrf", Browser.csrf(secondForm), "username", Browser.USER, "password", Browser.PASSWORD);
        expect(crossed.status() == 403, "POST /login with another form's token: %d, expected 403", crossed.status());
        var noCookie = new Browser(base).post("/login", "csrf", Browser.csrf(firstForm), "username", Browser.USER, "password", Browser.PASSWORD);
        expect(noCookie.status() == 403, "POST /login without the csrftoken cookie: %d, expected 403", noCookie.status());

        // surveys: the token belongs to the response token
        var one = new Browser(base).get("/surveys/1");
        var two = new Browser(base).get("/surveys/1");
        var anonymous = new Browser(base);
        for (var token : new String[]{null, "x", Browser.csrf(two)}) {
            var fields = token == null ? new String[]{"response", Browser.responseToken(one)}
                    : new String[]{"response", Browser.responseToken(one), "csrf", token};
            var answer = anonymous.post("/surveys/1/pages/1", fields);
            expect(answer.status() == 403, "POST /surveys/1/pages/1 with csrf %s: %d, expected 403", token, answer.status());
        }
    }

    private void authorisation() throws Exception {
        var alice = user1();
        var own = Browser.csrf(alice.get("/wall/1"));
        // user1 belongs to walls 1, 2, 201 and 202: wall 3 (user3's) is not theirs
        var read = alice.get("/wall/3");
        expect(read.status() == 403, "GET /wall/3 as a non-member: %d", read.status());
        var carol = new Browser(base);
        carol.signIn("user3");
        var wall3 = carol.get("/wall/3");
        int before = articles(wall3);
        var post = alice.post("/wall/3/items", "csrf", own, "body", "not a member");
        expect(post.status() == 403, "POST /wall/3/items as a non-member: %d", post.status());
        var items = ITEM.matcher(wall3.text());
        expect(items.find(), "wall 3 has no items");
        var theirs = items.group(1);
        var remove = alice.post("/wall/3/items/" + theirs + "/remove", "csrf", own);
        expect(remove.status() == 403, "removing item %s of wall 3 as a non-member: %d", theirs, remove.status());
        // through a wall user1 owns (wall 1): the item is on wall 3, so still not theirs to remove
        var through = alice.post("/wall/1/items/" + theirs + "/remove", "csrf", own);
        expect(through.status() == 403 || through.status() == 404, "removing wall 3's item %s through wall 1: %d", theirs, through.status());
        expect(articles(carol.get("/wall/3")) == before, "wall 3 changed (%d items before)", before);
    }

    private void sqlMetacharacters() throws Exception {
        var payloads = List.of("' OR '1'='1", "1' OR 1=1 --", "1; DROP TABLE test; --", "\" OR \"\"=\"", "1 UNION SELECT password FROM users",
                "%27%20OR%201%3D1", "\\'; SELECT pg_sleep(5); --");
        var login = new Browser(base);
        var form = login.get("/login");
        login.cookies("csrftoken=" + Browser.cookie(form, "csrftoken"));
        for (var payload : payloads) {
            if (payload.startsWith("'") || payload.startsWith("1'")) { // a sign-in costs a PBKDF2 hash: two suffice
                var answer = login.post("/login", "csrf", Browser.csrf(form), "username", payload, "password", payload);
                expect(answer.status() == 401, "sign-in as %s: %d, expected 401", payload, answer.status());
                leaks.anyAnswer("sign-in as " + payload, answer); // the form shows the name given (escaped): SQL-like text is expected
            }
            for (var path : List.of("/db?id=", "/surveys/", "/wall/", "/surveys/1/done?response=")) {
                var probe = user1().get(path + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8));
                Answers.refused(path + payload, probe);
                leaks.errorAnswer(path + payload, probe);
            }
        }
        var alice = user1();
        var csrf = Browser.csrf(alice.get(WALL));
        var text = "Robert'); DROP TABLE wall_item; -- \" OR 1=1";
        var posted = alice.post(WALL + "/items", "csrf", csrf, "body", text);
        expect(posted.status() == 303, "posting SQL text: %d", posted.status());
        var wall = alice.get(WALL);
        expect(Pattern.compile("Robert(&#39;|&#x27;|&apos;)\\); DROP TABLE wall_item; -- (&quot;|&#34;|&#x22;) OR 1=1").matcher(wall.text()).find(),
                "the posted SQL text is not shown literally (escaped)");
        removeNewest(alice, wall, csrf);
        expect(http.get("/db?id=1").status() == 200 && http.get("/health").status() == 200, "the target is unwell after SQL metacharacters");
    }

    private void escaping() throws Exception {
        var alice = user1();
        var csrf = Browser.csrf(alice.get(WALL));
        var script = "<script>alert('xss')</script><img src=x onerror=alert(1)>\"'><svg/onload=alert(2)>";
        var posted = alice.post(WALL + "/items", "csrf", csrf, "body", script);
        expect(posted.status() == 303, "posting markup: %d", posted.status());
        var wall = alice.get(WALL);
        for (var raw : List.of("<script>alert", "<img src=x", "<svg/onload", "onerror=alert(1)>")) {
            expect(!wall.text().contains(raw), "the wall shows posted markup unescaped: %s", raw);
        }
        expect(wall.text().contains("&lt;script&gt;"), "the posted <script> is not shown escaped");
        removeNewest(alice, wall, csrf);
        for (var media : List.of("https://example.com/a.png\" onerror=\"alert(3)", "javascript:alert(4)", "data:text/html,<script>alert(5)</script>")) {
            var answer = alice.post(WALL + "/items", "csrf", csrf, "body", "media", "media_url", media);
            if (answer.status() == 303) {
                var page = alice.get(WALL);
                expect(!page.text().contains("onerror=\"alert(3)") && !page.text().contains("src=\"javascript:")
                        && !page.text().contains("href=\"javascript:") && !page.text().contains("<script>alert(5)"), "media_url %s came back as markup", media);
                removeNewest(alice, page, csrf);
            } else {
                Answers.refused("media_url " + media, answer);
            }
        }
        var login = new Browser(base);
        var form = login.get("/login?next=" + java.net.URLEncoder.encode("\"><script>alert(6)</script>", StandardCharsets.UTF_8));
        expect(!form.text().contains("<script>alert(6)"), "GET /login reflects next= unescaped");
        login.cookies("csrftoken=" + Browser.cookie(form, "csrftoken"));
        var failed = login.post("/login", "csrf", Browser.csrf(form), "username", "<script>alert(7)</script>", "password", "x");
        expect(failed.status() == 401 && !failed.text().contains("<script>alert(7)"), "the sign-in error page reflects the user name unescaped");
        for (var next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) { // each a real sign-in (PBKDF2)
            var answer = login.post("/login", "csrf", Browser.csrf(form), "username", Browser.USER, "password", Browser.PASSWORD, "next", next);
            var location = String.valueOf(answer.header("location"));
            expect(answer.status() == 303 && location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")
                    && !location.contains("\r") && !location.contains("\n"), "next=%s: redirected to %s", next, location);
        }
        var survey = new Browser(base);
        var page = survey.get("/surveys/1");
        var fields = new ArrayList<>(List.of("response", Browser.responseToken(page), "csrf", Browser.csrf(page)));
        var questions = Pattern.compile("name=\"(q\\d+)\"").matcher(page.text());
        while (questions.find()) {
            fields.add(questions.group(1));
            fields.add("<script>alert(9)</script>");
        }
        var invalid = survey.post("/surveys/1/pages/1", fields.toArray(String[]::new));
        expect(invalid.status() == 400 || invalid.status() == 303, "survey page with markup answers: %d", invalid.status());
        expect(!invalid.text().contains("<script>alert(9)"), "the survey page shows an answer unescaped");
    }

    private void noInternals() throws Exception {
        var alice = user1();
        var requests = List.of("/db?id=99999999999999999999", "/wall/2147483648", "/surveys/2147483648", "/surveys/1/pages/2147483648",
                "/surveys/1/done?response=" + "%ff".repeat(20), "/static/%2e%2e/%2e%2e/pom.xml", "/nope", "/wall/abc", "/db?id=%zz");
        for (var path : requests) {
            var answer = alice.get(path);
            Answers.refused(path, answer);
            leaks.errorAnswer(path, answer);
        }
        for (var answer : List.of(alice.postRaw("/wall/1/items", "application/x-www-form-urlencoded", "csrf=%zz"),
                alice.postRaw("/surveys/1/pages/1", "application/json", "{}"), alice.postRaw("/login", null, "x"))) {
            leaks.errorAnswer("an error answer", answer);
        }
        for (var path : List.of("/info", "/metrics", "/health", "/ready", "/backends")) {
            var answer = http.get(path);
            leaks.anyAnswer(path, answer);
            expect(!answer.text().contains("benchpass"), "%s shows the seeded password", path);
        }
        var info = http.get("/info").text();
        expect(!Pattern.compile("\"(db\\.password|secret|window\\.token)\" : \"(?!\\(set\\)|\\(database\\)|\")").matcher(info).find(),
                "/info shows a credential knob's value");
    }

    private void headers() throws Exception {
        var alice = user1();
        var html = new ArrayList<HttpProbe.Response>(List.of(http.get("/"), http.get("/login"), http.get("/surveys"), http.get("/surveys/1"),
                alice.get("/wall/1"), alice.get("/")));
        var login = new Browser(base);
        var form = login.get("/login");
        login.cookies("csrftoken=" + Browser.cookie(form, "csrftoken"));
        html.add(login.post("/login", "csrf", Browser.csrf(form), "username", "nosuchuser", "password", "x"));
        for (var answer : html) {
            expect(String.valueOf(answer.header("content-type")).startsWith("text/html"), "expected an HTML page, got %s (%d)",
                    answer.header("content-type"), answer.status());
            expect("nosniff".equals(answer.header("x-content-type-options")), "HTML %d without X-Content-Type-Options: nosniff", answer.status());
            expect(SecurityHeaders.CONTENT_SECURITY_POLICY.equals(answer.header("content-security-policy")),
                    "HTML %d: Content-Security-Policy %s", answer.status(), answer.header("content-security-policy"));
            expect(answer.header("content-security-policy").contains("frame-ancestors 'none'"), "CSP without frame-ancestors");
            expect("same-origin".equals(answer.header("referrer-policy")), "HTML %d: Referrer-Policy %s", answer.status(), answer.header("referrer-policy"));
        }
        for (var path : List.of("/hello", "/db?id=1", "/nope", "/db?id=x", "/surveys/1/results", "/info", "/hello.txt", "/static/site.css")) {
            var answer = http.get(path);
            expect("nosniff".equals(answer.header("x-content-type-options")), "%s (%d) without X-Content-Type-Options: nosniff", path, answer.status());
        }
    }

    private void removeNewest(Browser browser, HttpProbe.Response wall, String csrf) throws Exception {
        var newest = ITEM.matcher(wall.text());
        expect(newest.find(), "no items on %s", WALL);
        var removed = browser.post(WALL + "/items/" + newest.group(1) + "/remove", "csrf", csrf);
        expect(removed.status() == 303, "removing the posted item: %d", removed.status());
    }

    private static String setCookie(HttpProbe.Response answer, String name) {
        return Browser.setCookies(answer).stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static String flipLast(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static int articles(HttpProbe.Response wall) {
        expect(wall.status() == 200, "GET wall: %d", wall.status());
        return wall.text().split("<article class=\"item\"", -1).length - 1;
    }
}
