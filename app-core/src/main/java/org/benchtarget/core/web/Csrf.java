package org.benchtarget.core.web;

/**
 * CSRF tokens bound to a subject (a session, or an anonymous survey response): the token is the
 * subject's HMAC, so any process sharing the signing key accepts it and nothing is stored.
 * Every state-changing POST checks its form field {@link #FIELD}. Thread-safe.
 */
public final class Csrf {
    public static final String FIELD = "csrf";

    private final Signer signer;

    public Csrf(Signer signer) {
        this.signer = signer;
    }

    public String token(String subject) {
        return signer.sign("csrf:" + subject);
    }

    /** Throws 403 unless {@code given} is the token of {@code subject}. */
    public void check(String subject, String given) {
        if (given == null || given.isEmpty()) {
            throw new HttpProblem(403, "missing CSRF token");
        }
        if (!signer.verify("csrf:" + subject, given)) {
            throw new HttpProblem(403, "wrong CSRF token");
        }
    }
}
