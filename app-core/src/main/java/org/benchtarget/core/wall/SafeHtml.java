package org.benchtarget.core.wall;

import gg.jte.Content;
import gg.jte.TemplateOutput;

import java.nio.charset.StandardCharsets;

/**
 * An item's body as filtered, safe HTML, held as UTF-8 bytes encoded once: templates copy the bytes
 * instead of encoding the text on every render (a cached wall's 50 bodies are most of its 34 KB).
 * Public only because templates read it. Immutable.
 */
public final class SafeHtml implements Content {
    private final byte[] utf8;

    SafeHtml(String html) {
        this.utf8 = html.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeBinaryContent(utf8);
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
