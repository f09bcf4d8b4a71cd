package org.benchtarget.core.home;

import gg.jte.TemplateEngine;
import org.benchtarget.core.web.Body;
import org.benchtarget.core.web.Pages;
import org.benchtarget.core.web.WebResult;

/**
 * Seed 002's home page for anonymous visitors: a template and no database. With
 * {@code cache=page} it is rendered once and the body reused. Thread-safe.
 */
public final class HomePage {
    private final TemplateEngine templates;
    private final Body cached;

    public HomePage(TemplateEngine templates, boolean cachePage) {
        this.templates = templates;
        this.cached = cachePage ? render() : null;
    }

    /** GET / for an anonymous visitor. */
    public WebResult anonymous() {
        return WebResult.ok(WebResult.HTML, cached != null ? cached : render());
    }

    private Body render() {
        return Pages.render(templates, "home/home.jte", null);
    }
}
