package org.benchtarget.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemMarkupTest {

    @Test
    void escapesHtmlAndScript() {
        assertThat(ItemMarkup.toHtml("<script>alert('x')</script> & \"q\""))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
    }

    @Test
    void linksUrlsWithoutTrailingPunctuation() {
        assertThat(ItemMarkup.toHtml("See https://example.org/a?b=1&c=2."))
                .isEqualTo("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow\">https://example.org/a?b=1&amp;c=2</a>.</p>\n");
    }

    @Test
    void aUrlCannotBreakOutOfItsAttribute() {
        assertThat(ItemMarkup.toHtml("http://x.org/\"onmouseover=alert(1)"))
                .isEqualTo("<p><a href=\"http://x.org/\" rel=\"nofollow\">http://x.org/</a>&quot;onmouseover=alert(1)</p>\n");
        assertThat(ItemMarkup.toHtml("javascript:alert(1)")).isEqualTo("<p>javascript:alert(1)</p>\n");
    }

    @Test
    void emphasisOnlyAroundWords() {
        assertThat(ItemMarkup.toHtml("a *big* day")).isEqualTo("<p>a <em>big</em> day</p>\n");
        assertThat(ItemMarkup.toHtml("2*3*4 and * not *")).isEqualTo("<p>2*3*4 and * not *</p>\n");
        assertThat(ItemMarkup.toHtml("*<b>*")).isEqualTo("<p><em>&lt;b&gt;</em></p>\n");
    }

    @Test
    void lineBreaksAndParagraphs() {
        assertThat(ItemMarkup.toHtml("one\r\ntwo\n\nthree\n \nfour"))
                .isEqualTo("<p>one<br>\ntwo</p>\n<p>three</p>\n<p>four</p>\n");
    }
}
