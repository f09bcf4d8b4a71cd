package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void htmlGetsThePolicyAndEveryAnswerNosniff() {
        assertThat(SecurityHeaders.isHtml(WebResult.HTML)).isTrue();
        assertThat(SecurityHeaders.isHtml(WebResult.TEXT)).isFalse();
        assertThat(SecurityHeaders.isHtml(null)).isFalse();
        assertThat(SecurityHeaders.NOSNIFF).isEqualTo(new Header("X-Content-Type-Options", "nosniff"));
        assertThat(SecurityHeaders.HTML).extracting(Header::name).containsExactly("Content-Security-Policy", "Referrer-Policy");
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'", "default-src 'self'", "base-uri 'none'")
                .doesNotContain("unsafe");
    }
}
