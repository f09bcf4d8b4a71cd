package org.benchtarget.core.survey;

import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.Signer;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code response} token that names one response in progress: 128 random bits and their
 * signature bound to the survey, so a forged token, or one of another survey, is refused before
 * anything is read, and any process sharing the signing key accepts it. Thread-safe.
 */
final class ResponseTokens {
    /** Longer than any token we issue: refused without computing a signature. */
    static final int MAX_LENGTH = 100;

    private final Signer signer;
    private final SecureRandom random = new SecureRandom();

    ResponseTokens(Signer signer) {
        this.signer = signer;
    }

    String issue(int surveyId) {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        var nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return nonce + "." + signer.sign(subject(surveyId, nonce));
    }

    /** Returns {@code token} when this app issued it for the survey; else a 400. */
    String check(int surveyId, String token) {
        if (token == null || token.isEmpty()) {
            throw HttpProblem.badRequest("missing response token: start the survey at /surveys/" + surveyId);
        }
        int dot = token.indexOf('.');
        if (token.length() > MAX_LENGTH || dot < 1 || !signer.verify(subject(surveyId, token.substring(0, dot)), token.substring(dot + 1))) {
            throw HttpProblem.badRequest("unknown response token: start the survey at /surveys/" + surveyId);
        }
        return token;
    }

    private static String subject(int surveyId, String nonce) {
        return "survey-response:" + surveyId + ":" + nonce;
    }
}
