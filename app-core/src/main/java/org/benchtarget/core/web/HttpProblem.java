package org.benchtarget.core.web;

/**
 * Bad input, thrown where it is parsed: becomes {@code status} with a one-line text reason.
 * No stack trace: it is an answer, not a fault.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;

    public HttpProblem(int status, String reason) {
        super(reason, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    public static HttpProblem badRequest(String reason) {
        return new HttpProblem(400, reason);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return getMessage();
    }

    public WebResult toResult() {
        return WebResult.text(status, reason().replace('\n', ' '));
    }
}
