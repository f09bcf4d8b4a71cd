package org.benchtarget.core.auth;

import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.Signer;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Signed, expiring session cookies: {@code sessionid=USERID.EXPIRES.NONCE.SIGNATURE}, the signature
 * an HMAC of the rest with the app's signing key. Nothing is stored, so a session is valid in every
 * process sharing the key (the database's, or the {@code secret} knob), and it holds no secret: a
 * user id, an expiry (epoch seconds) and a random nonce that makes each sign-in's CSRF token its own.
 * Signing out clears the cookie; a copied value stays valid until it expires. Thread-safe.
 */
public final class Sessions {
    public static final String COOKIE = "sessionid";
    public static final Duration LIFETIME = Duration.ofDays(14);
    /** The routes whose answer depends on a session touch the database only when a cookie is sent. */
    public static final Predicate<WebRequest> CARRIES_COOKIE = request -> request.cookie(COOKIE) != null;
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,8})\\.([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{16})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Signer signer;
    private final Clock clock;

    public Sessions(Signer signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** A verified, unexpired session. {@link #subject} binds CSRF tokens to it. */
    public record Session(int userId, long expiresEpochSecond, String subject) {
    }

    /** Returns a new cookie value for {@code userId}, valid for {@link #LIFETIME}. */
    public String issue(int userId) {
        var nonceBytes = new byte[12];
        RANDOM.nextBytes(nonceBytes);
        var payload = userId + "." + (clock.instant().plus(LIFETIME).getEpochSecond()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        return payload + "." + signer.sign("session:" + payload);
    }

    /** Returns the request's session, or empty when there is no cookie or it is malformed, forged or expired. */
    public Optional<Session> read(WebRequest request) {
        return read(request.cookie(COOKIE));
    }

    public Optional<Session> read(String value) {
        if (value == null || value.length() > 100) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var payload = value.substring(0, matcher.start(4) - 1);
        if (!signer.verify("session:" + payload, matcher.group(4))) {
            return Optional.empty();
        }
        long expires = Long.parseLong(matcher.group(2));
        if (expires <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new Session(Integer.parseInt(matcher.group(1)), expires, payload));
    }

    /** Returns the {@code Set-Cookie} value that signs a browser in (CONTRACT's attributes). */
    public static String setCookie(String value) {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
    }

    /** Returns the {@code Set-Cookie} value that signs a browser out. */
    public static String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
    }

    /** Returns the 302 to the sign-in form that comes back to {@code path} afterwards. */
    public static WebResult toLogin(String path) {
        var location = "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        return WebResult.empty(302, List.of(new Header("Location", location), new Header("Cache-Control", "no-store")));
    }
}
