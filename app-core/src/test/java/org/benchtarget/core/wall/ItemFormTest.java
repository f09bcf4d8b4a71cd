package org.benchtarget.core.wall;

import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemFormTest {

    @Test
    void acceptsABodyAndAMediaUrlAndTellsTheKind() {
        var form = parse("body", " Hello\r\nworld ", "media_url", "https://example.com/a/b.JPG?x=1");
        assertThat(form.body()).isEqualTo("Hello\nworld");
        assertThat(form.media()).isEqualTo(new WallQueries.Media("photo", "https://example.com/a/b.JPG?x=1", "example.com"));
        assertThat(parse("body", "x", "media_url", "https://www.youtube.com/watch?v=1").media().kind()).isEqualTo("video");
        assertThat(parse("body", "x", "media_url", "http://example.org/").media().kind()).isEqualTo("link");
        assertThat(parse("body", "x", "media_url", "").media()).isNull();
    }

    @Test
    void bodyMustHaveOneTo2000Characters() {
        assertThat(parse("body", "é".repeat(2_000)).body()).hasSize(2_000);
        assertThat(parse("body", "\uD83D\uDE00".repeat(2_000)).body()).as("2,000 emoji are 4,000 UTF-16 units").hasSize(4_000);
        assertProblem("body is missing", "other", "x");
        assertProblem("body is empty", "body", "");
        assertProblem("body is empty", "body", " \n\t ");
        assertProblem("body has 2001 characters; at most 2000", "body", "a".repeat(2_001));
        assertProblem("body contains control characters", "body", "a\u0000b");
        assertProblem("body given more than once", "body", "a", "body", "b");
    }

    @Test
    void mediaUrlMustBeAnAbsoluteHttpUrl() {
        for (var url : new String[]{"javascript:alert(1)", "ftp://example.com/x", "/relative.png", "https://", "http://user:pw@example.com/",
                "data:text/html,<script>", "https://example.com/\"onerror=\"x", "https://exa mple.com/", "https://example.com/" + "a".repeat(500)}) {
            assertThatThrownBy(() -> parse("body", "x", "media_url", url)).as(url).isInstanceOfSatisfying(HttpProblem.class,
                    problem -> assertThat(problem.status()).isEqualTo(400));
        }
    }

    private static void assertProblem(String reason, String... pairs) {
        assertThatThrownBy(() -> parse(pairs)).isInstanceOfSatisfying(HttpProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.reason()).isEqualTo(reason);
        });
    }

    private static ItemForm parse(String... pairs) {
        var encoded = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            encoded.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return ItemForm.parse(QueryParams.parse(encoded.toString()));
    }
}
