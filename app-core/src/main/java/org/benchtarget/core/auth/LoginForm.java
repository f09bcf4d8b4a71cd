package org.benchtarget.core.auth;

/**
 * The model of {@code auth/login.jte}: the CSRF token, where to go afterwards (or null), the
 * user name to show again and the error (or null). Public only because templates read it.
 */
public record LoginForm(String csrf, String next, String username, String error) {
}
