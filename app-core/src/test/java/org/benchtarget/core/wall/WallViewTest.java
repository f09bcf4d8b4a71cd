package org.benchtarget.core.wall;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WallViewTest {
    private static final Instant SENT = Instant.parse("2026-11-01T12:00:00Z");
    private final WallView view = new WallView(TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.benchtarget.core.templates"));
    private final WallQueries.Wall wall = new WallQueries.Wall(9, "Tom & <Jerry>", 2);
    private final List<WallQueries.Item> items = List.of(
            new WallQueries.Item(11, 2, "<b>Owner</b>", SENT, "<script>alert(1)</script> *hi*", null,
                    List.of(new WallQueries.Media("photo", "https://example.com/a.png?x=1&y=\"2\"", "say \"cheese\""))),
            new WallQueries.Item(10, 5, "Viewer", SENT.minusSeconds(3_600), null, new SafeHtml("<p>stored <em>html</em></p>\n"), List.of()));

    @Test
    void escapesEverythingButTheFilteredBody() {
        var html = render(new WallQueries.Viewer(5, "Viewer \"V\"", ZoneId.of("UTC")));
        assertThat(html).contains("<h1>Tom &amp; &lt;Jerry&gt;</h1>", "<strong>&lt;b&gt;Owner&lt;/b&gt;</strong>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; <em>hi</em></p>", "<p>stored <em>html</em></p>",
                "src=\"https://example.com/a.png?x=1&amp;y=&#34;2&#34;\"", "alt=\"say &#34;cheese&#34;\"");
        assertThat(html).doesNotContain("<script>alert", "<b>Owner");
    }

    @Test
    void showsTimesInTheViewersZone() {
        assertThat(render(new WallQueries.Viewer(5, "V", ZoneId.of("Asia/Tokyo")))).contains(">1 Nov 2026, 21:00 JST</time>");
        assertThat(render(new WallQueries.Viewer(5, "V", ZoneId.of("America/New_York")))).contains(">1 Nov 2026, 07:00 EST</time>");
    }

    @Test
    void removeControlsOnlyWhereTheViewerMayRemove() {
        var member = render(new WallQueries.Viewer(5, "V", ZoneId.of("UTC")));
        assertThat(member).contains("action=\"/wall/9/items/10/remove\"").doesNotContain("action=\"/wall/9/items/11/remove\"");
        var owner = render(new WallQueries.Viewer(2, "O", ZoneId.of("UTC")));
        assertThat(owner).contains("action=\"/wall/9/items/10/remove\"", "action=\"/wall/9/items/11/remove\"");
    }

    private String render(WallQueries.Viewer viewer) {
        var result = view.wall(viewer, wall, items, "token-1");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Cache-Control")).isEqualTo("private, no-cache");
        return new String(result.body().bytes(), StandardCharsets.UTF_8);
    }
}
