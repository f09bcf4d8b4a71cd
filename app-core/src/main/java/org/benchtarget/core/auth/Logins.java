package org.benchtarget.core.auth;

import gg.jte.TemplateEngine;
import org.benchtarget.core.db.DataAccessException;
import org.benchtarget.core.web.Csrf;
import org.benchtarget.core.web.Forms;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.Pages;
import org.benchtarget.core.web.PathParams;
import org.benchtarget.core.web.QueryParams;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;
import org.benchtarget.db.Passwords;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * GET and POST /login, POST /logout. The sign-in form has no session to bind its CSRF token to,
 * so it uses a signed double-submit cookie: GET /login sets a random {@code csrftoken} cookie and
 * puts its HMAC in the form; POST /login needs both, and only a page of this site can read the
 * token. A wrong password and an unknown user get the same 401 and cost the same PBKDF2 work.
 * Thread-safe.
 */
public final class Logins {
    public static final String CSRF_COOKIE = "csrftoken";
    /** Only POST /login reads the database (and a body, which must not block an IO thread). */
    public static final Predicate<WebRequest> TOUCHES_DB = request -> request.method().equals("POST");
    static final String FAILED = "Wrong user name or password.";
    private static final Pattern CSRF_COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{22}");
    /** Where a sign-in may return to: a path of this site, nothing that could leave it. */
    private static final Pattern SAFE_NEXT = Pattern.compile("/(?!/)[A-Za-z0-9/_.-]{0,200}");
    private static final int MAX_USERNAME = 100;
    private static final int MAX_PASSWORD = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserQueries users;
    private final TemplateEngine templates;
    private final Sessions sessions;
    private final Csrf csrf;

    public Logins(DataSource dataSource, TemplateEngine templates, Sessions sessions, Csrf csrf) {
        this.users = new UserQueries(dataSource);
        this.templates = templates;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    /** Returns the user id of {@code username}, or 0: for {@code bench token}, which signs without HTTP. */
    public static int userId(DataSource dataSource, String username) {
        try {
            return UserQueries.userId(dataSource, username);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** GET /login. */
    public WebResult form(WebRequest request, PathParams params) {
        var next = safeNext(QueryParams.ofQuery(request.rawQuery()).single("next"));
        var cookie = request.cookie(CSRF_COOKIE);
        var headers = new ArrayList<Header>();
        if (cookie == null || !CSRF_COOKIE_VALUE.matcher(cookie).matches()) {
            cookie = newCsrfCookie();
            headers.add(new Header("Set-Cookie", CSRF_COOKIE + "=" + cookie + "; Path=/; HttpOnly; SameSite=Lax"));
        }
        return page(200, new LoginForm(csrf.token(loginSubject(cookie)), next, "", null), headers);
    }

    /** POST /login. */
    public WebResult login(WebRequest request, PathParams params) throws IOException, SQLException {
        var form = Forms.read(request);
        var cookie = request.cookie(CSRF_COOKIE);
        if (cookie == null || !CSRF_COOKIE_VALUE.matcher(cookie).matches()) {
            return WebResult.text(403, "missing CSRF cookie: load the sign-in form first");
        }
        csrf.check(loginSubject(cookie), form.single(Csrf.FIELD));
        var next = safeNext(form.single("next"));
        var username = form.single("username");
        var password = form.single("password");
        var again = new LoginForm(csrf.token(loginSubject(cookie)), next, username == null ? "" : username, null);
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            return page(400, withError(again, "Enter your user name and password."), List.of());
        }
        if (username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD) {
            return page(400, withError(again, "User name or password too long."), List.of());
        }
        if (username.chars().anyMatch(Character::isISOControl)) {
            return page(400, withError(again, "User names have no control characters."), List.of());
        }
        var user = users.login(username);
        boolean matches = Passwords.verify(password, user == null ? Passwords.DECOY : user.passwordHash());
        if (user == null || !matches) {
            return page(401, withError(again, FAILED), List.of());
        }
        var location = next != null ? next : user.firstWall() > 0 ? "/wall/" + user.firstWall() : "/";
        return WebResult.empty(303, List.of(
                new Header("Location", location),
                new Header("Set-Cookie", Sessions.setCookie(sessions.issue(user.userId()))),
                new Header("Cache-Control", "no-store")));
    }

    /** POST /logout: clears the cookie; with a valid session only after its CSRF check. */
    public WebResult logout(WebRequest request, PathParams params) throws IOException {
        var session = sessions.read(request);
        if (session.isPresent()) {
            csrf.check(session.get().subject(), Forms.read(request).single(Csrf.FIELD));
        }
        return WebResult.empty(303, List.of(new Header("Location", "/"), new Header("Set-Cookie", Sessions.clearCookie())));
    }

    private WebResult page(int status, LoginForm form, List<Header> headers) {
        var all = new ArrayList<>(headers);
        all.add(new Header("Cache-Control", "no-store"));
        return new WebResult(status, WebResult.HTML, all, Pages.render(templates, "auth/login.jte", form));
    }

    private static LoginForm withError(LoginForm form, String error) {
        return new LoginForm(form.csrf(), form.next(), form.username(), error);
    }

    private static String loginSubject(String cookie) {
        return "login:" + cookie;
    }

    private static String newCsrfCookie() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String safeNext(String next) {
        return next != null && SAFE_NEXT.matcher(next).matches() ? next : null;
    }
}
