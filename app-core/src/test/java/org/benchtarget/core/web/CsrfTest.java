package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsrfTest {
    private final Csrf csrf = new Csrf(new Signer("one secret".getBytes(StandardCharsets.UTF_8)));

    @Test
    void tokenOfTheSubjectPasses() {
        csrf.check("session:7", csrf.token("session:7"));
    }

    @Test
    void missingWrongOrForeignTokensAre403() {
        var other = new Csrf(new Signer("another secret".getBytes(StandardCharsets.UTF_8)));
        for (var given : new String[]{null, "", "abc", csrf.token("session:8"), other.token("session:7")}) {
            assertThatThrownBy(() -> csrf.check("session:7", given))
                    .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(403));
        }
    }
}
