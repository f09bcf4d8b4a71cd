package org.benchtarget.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void theSeededHashMatchesOnlyTheSeededPassword() {
        var stored = Passwords.seeded();
        assertThat(stored).startsWith("pbkdf2_sha256$600000$").doesNotContain(Passwords.SEEDED_PASSWORD);
        assertThat(Passwords.verify(Passwords.SEEDED_PASSWORD, stored)).isTrue();
        assertThat(Passwords.verify("benchpasS", stored)).isFalse();
        assertThat(Passwords.verify("", stored)).isFalse();
    }

    @Test
    void theSeededConstantIsTheDerivedHashOfTheSeededPasswordAndSalt() {
        assertThat(Passwords.seeded())
                .isEqualTo(Passwords.hash(Passwords.SEEDED_PASSWORD, Passwords.seededSalt(), Passwords.ITERATIONS));
    }

    @Test
    void aHashRoundTripsWithItsOwnSaltAndIterations() {
        var stored = Passwords.hash("s3cret", new byte[]{1, 2, 3, 4}, 1_000);
        assertThat(Passwords.verify("s3cret", stored)).isTrue();
        assertThat(Passwords.verify("s3cre", stored)).isFalse();
    }

    @Test
    void theDecoyAndMalformedValuesMatchNothing() {
        assertThat(Passwords.verify(Passwords.SEEDED_PASSWORD, Passwords.DECOY)).isFalse();
        assertThat(Passwords.verify("x", "plain")).isFalse();
        assertThat(Passwords.verify("x", null)).isFalse();
        assertThat(Passwords.verify("x", "pbkdf2_sha256$10$!!$!!")).isFalse();
    }
}
