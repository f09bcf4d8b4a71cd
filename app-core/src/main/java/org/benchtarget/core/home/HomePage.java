package org.benchtarget.core.home;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.benchtarget.core.web.WebResult;

/**
 * Seed 002's home page for anonymous visitors: a template and no database. With
 * {@code cache=page} it is rendered once and the bytes reused. Thread-safe.
 */
public final class HomePage {
    private final TemplateEngine templates;
    private final byte[] cached;

    public HomePage(TemplateEngine templates, boolean cachePage) {
        this.templates = templates;
        this.cached = cachePage ? render() : null;
    }

    /** GET / for an anonymous visitor. */
    public WebResult anonymous() {
        return WebResult.ok(WebResult.HTML, cached != null ? cached : render());
    }

    private byte[] render() {
        var output = new Utf8ByteOutput();
        templates.render("home/home.jte", null, output);
        return output.toByteArray();
    }
}
