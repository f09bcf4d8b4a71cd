package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestPathTest {

    @Test
    void aPathWithoutEscapesIsRoutedAsItIsWithoutACopy() {
        var raw = "/static/site.css";
        assertThat(RequestPath.route(raw)).isSameAs(raw);
        assertThat(RequestPath.route("/")).isEqualTo("/");
    }

    @ParameterizedTest
    @CsvSource({
            "/hell%6f, /hello",
            "/hell%6F, /hello",
            "/surveys/%31, /surveys/1",
            "/%68%65%6C%6C%6F%2e%74%78%74, /hello.txt",
            "/a%2Db%5Fc%7E, /a-b_c~",
            // not unreserved: kept encoded, once, in upper case
            "/hello%3f, /hello%3F",
            "/hello%3Bx, /hello%3Bx",
            "/hello%20, /hello%20",
            "/hell%256f, /hell%256f",
            "/static/%252e%252e/hello.txt, /static/%252e%252e/hello.txt",
            "/caf%c3%a9, /caf%C3%A9",
            "/%f0%9f%98%80, /%F0%9F%98%80",
            // not normalised
            "//hello, //hello",
            "/hello/, /hello/",
            "/static//site.css, /static//site.css",
            "/static/..;/hello.txt, /static/..;/hello.txt",
            "/static/.../.x/x., /static/.../.x/x.",
    })
    void decodesUnreservedCharactersOnly(String raw, String routed) {
        assertThat(RequestPath.route(raw)).isEqualTo(routed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // dot segments, raw and encoded, anywhere
            "/static/../hello.txt", "/static/./site.css", "/./hello", "/hello/..", "/hello/.", "/..", "/.", "/../etc/passwd",
            "/static/%2e%2e/hello.txt", "/static/%2E%2E/hello.txt", "/static/.%2e/hello.txt", "/static/%2e./hello.txt",
            "/static/%2e/site.css", "/a/b/../../../../etc/passwd",
            // %2F, controls
            "/static%2Fsite.css", "/static/..%2fhello.txt", "/hello%00", "/hello%0a", "/hello%7F", "/hello%1f",
            // malformed escapes
            "/hello%", "/hello%2", "/hello%zz", "/hello%%41", "/hello%u0041", "/hello%\u0661\u0661",
            // not UTF-8: overlong forms, lone or missing continuations, surrogates, beyond U+10FFFF
            "/static/%c0%ae%c0%ae/hello.txt", "/%c0%af", "/%c1%81", "/%e0%80%ae", "/%f0%80%80%ae", "/%80", "/%bf",
            "/%c3", "/%c3x", "/%c3%28", "/%e2%82", "/%ed%a0%80", "/%f4%90%80%80", "/%f5%80%80%80", "/%ff", "/%fe",
            // raw characters a path may not have
            "/hello world", "/h\u00e9llo", "/a\\b", "/static/..\\..\\pom.xml", "/a\"b", "/a<b>", "/a{b}", "/a|b", "/a^b", "/a`b",
            "/a#b", "/a?b", "/a[b]", "/a\u0000b", "/a\tb",
            // not origin-form
            "", "hello", "*", "http://host/hello",
    })
    void refusesWithA400AndAOneLineReason(String raw) {
        assertThatThrownBy(() -> RequestPath.route(raw))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.reason()).startsWith("bad path: ").doesNotContain("\n");
                });
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> RequestPath.route(null)).isInstanceOf(HttpProblem.class);
    }
}
