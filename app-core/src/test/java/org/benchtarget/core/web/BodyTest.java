package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BodyTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneArrayIsItsOnlyPartAndIsNotCopied() {
        var bytes = utf8("Hello World!\n");
        var body = Body.of(bytes);
        assertThat(body.length()).isEqualTo(13);
        assertThat(body.parts()).containsExactly(bytes);
        assertThat(body.bytes()).isSameAs(bytes);
    }

    @Test
    void partsJoinInOrder() {
        var parts = new ArrayList<>(List.of(utf8("<p>"), utf8("é"), utf8("</p>")));
        var body = Body.ofParts(parts, 3 + 2 + 4);
        assertThat(body.length()).isEqualTo(9);
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("<p>é</p>");
        assertThat(body.parts()).hasSize(3);
    }

    @Test
    void writesItsPartsInOrder() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        Body.ofParts(new ArrayList<>(List.of(utf8("<p>"), utf8("é"), utf8("</p>"))), 9).writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<p>é</p>");
    }

    @Test
    void partsCannotBeChangedThroughTheBody() {
        var body = Body.ofParts(new ArrayList<>(List.of(utf8("a"), utf8("b"))), 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> body.parts().add(utf8("c")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyHasNoParts() {
        assertThat(Body.of(new byte[0])).isSameAs(Body.EMPTY);
        assertThat(Body.EMPTY.isEmpty()).isTrue();
        assertThat(Body.EMPTY.parts()).isEmpty();
        assertThat(Body.EMPTY.bytes()).isEmpty();
    }
}
