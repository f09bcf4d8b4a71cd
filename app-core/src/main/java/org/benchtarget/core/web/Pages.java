package org.benchtarget.core.web;

import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Renders a precompiled jte template into the parts of a {@link Body}, without joining them. */
public final class Pages {
    /** Parts the list starts with: the home page has a dozen; a wall's list (dozens per item) grows as it must. */
    private static final int FIRST_PARTS = 32;

    private Pages() {
    }

    public static Body render(TemplateEngine templates, String template, Object model) {
        var output = new PartsOutput();
        templates.render(template, model, output);
        return Body.ofParts(output.parts, output.length);
    }

    /**
     * Keeps the template's pre-encoded static parts (binaryStaticContent) as they are, by reference, and
     * encodes the dynamic ones: jte's Utf8ByteOutput does the same but its list starts at 512 entries.
     */
    private static final class PartsOutput implements TemplateOutput {
        private final List<byte[]> parts = new ArrayList<>(FIRST_PARTS);
        private int length;

        @Override
        public void writeContent(String value) {
            add(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            add(value.substring(beginIndex, endIndex).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeBinaryContent(byte[] value) {
            add(value);
        }

        private void add(byte[] part) {
            if (part.length > 0) {
                parts.add(part);
                length += part.length;
            }
        }
    }
}
