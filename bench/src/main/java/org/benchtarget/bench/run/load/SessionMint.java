package org.benchtarget.bench.run.load;

import org.benchtarget.core.auth.Sessions;
import org.benchtarget.core.web.Signer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session cookies a journey can send without signing in, as seed 002 sent one it had copied from a browser: signed
 * with the {@code secret} that {@code bench run} gives every target it starts. One cookie per user, made on first use
 * (a sign-in is a password hash: measuring it is not what a wall journey is for). Thread-safe.
 */
public final class SessionMint {
    private final String secret;
    private final Sessions sessions;
    private final Map<Integer, String> cookies = new ConcurrentHashMap<>();

    public SessionMint(String secret) {
        this.secret = secret;
        this.sessions = new Sessions(new Signer(secret.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
    }

    /** A key for one run: 32 random bytes, as text (the knob's form). */
    public static SessionMint random() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SessionMint(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The value the targets need in their {@code secret} knob to accept these cookies. */
    public String secret() {
        return secret;
    }

    /** A valid {@code sessionid} value for the user with this id. */
    public String cookie(int userId) {
        return cookies.computeIfAbsent(userId, sessions::issue);
    }
}
