package org.benchtarget.core.auth;

import org.benchtarget.core.web.Signer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final Signer signer = new Signer("test key".getBytes(StandardCharsets.UTF_8));
    private final Sessions sessions = new Sessions(signer, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCookieReadsBackAsItsUserUntilItExpires() {
        var value = sessions.issue(42);
        var session = sessions.read(value).orElseThrow();
        assertThat(session.userId()).isEqualTo(42);
        assertThat(session.expiresEpochSecond()).isEqualTo(NOW.plus(Sessions.LIFETIME).getEpochSecond());

        var later = new Sessions(signer, Clock.fixed(NOW.plus(Sessions.LIFETIME).minusSeconds(1), ZoneOffset.UTC));
        assertThat(later.read(value)).isPresent();
        var expired = new Sessions(signer, Clock.fixed(NOW.plus(Sessions.LIFETIME), ZoneOffset.UTC));
        assertThat(expired.read(value)).isEmpty();
    }

    @Test
    void eachSignInIsItsOwnSessionWithItsOwnCsrfSubject() {
        var first = sessions.read(sessions.issue(7)).orElseThrow();
        var second = sessions.read(sessions.issue(7)).orElseThrow();
        assertThat(first.subject()).isNotEqualTo(second.subject());
    }

    @Test
    void theCookieHoldsNoSecretOnlyIdExpiryNonceAndSignature() {
        var value = sessions.issue(42);
        assertThat(value).matches("42\\.\\d+\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43}");
        assertThat(value).doesNotContain("test key");
    }

    @Test
    void tamperedValuesAreRejected() {
        var value = sessions.issue(42);
        var parts = value.split("\\.");
        assertThat(sessions.read("43." + parts[1] + "." + parts[2] + "." + parts[3])).as("other user").isEmpty();
        assertThat(sessions.read(parts[0] + ".9999999999." + parts[2] + "." + parts[3])).as("longer life").isEmpty();
        var signature = parts[3].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        assertThat(sessions.read(parts[0] + "." + parts[1] + "." + parts[2] + "." + new String(signature))).as("signature").isEmpty();
    }

    @Test
    void aCookieSignedWithAnotherSecretIsRejected() {
        var other = new Sessions(new Signer("other key".getBytes(StandardCharsets.UTF_8)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(sessions.read(other.issue(42))).isEmpty();
    }

    @Test
    void malformedValuesAreRejected() {
        for (var value : new String[]{null, "", "x", "1.2.3.4", "0.1796644320.j50mCDKOqDhOmRmd.YBwCm5RqiD7-WD8GUZED1MO9s7adu7pJZV3jc6bVYj4",
                "1.1796644320.j50mCDKOqDhOmRmd.YBwCm5RqiD7-WD8GUZED1MO9s7adu7pJZV3jc6bVYj4.extra", "' OR 1=1 --", "1".repeat(500)}) {
            assertThat(sessions.read(value)).as(String.valueOf(value)).isEmpty();
        }
    }

    @Test
    void cookieAttributesAreTheContracts() {
        assertThat(Sessions.setCookie("v")).isEqualTo("sessionid=v; Path=/; HttpOnly; SameSite=Lax");
        assertThat(Sessions.clearCookie()).startsWith("sessionid=; Path=/; Max-Age=0");
        assertThat(Sessions.toLogin("/wall/5").header("Location")).isEqualTo("/login?next=%2Fwall%2F5");
    }

    @Test
    void onlyLocalPathsAreFollowedAfterSignIn() {
        assertThat(Logins.safeNext("/wall/5")).isEqualTo("/wall/5");
        for (var next : new String[]{"//evil.example", "https://evil.example/", "/\\evil", "javascript:x", "/wall/5?x=<", null}) {
            assertThat(Logins.safeNext(next)).as(String.valueOf(next)).isNull();
        }
    }
}
