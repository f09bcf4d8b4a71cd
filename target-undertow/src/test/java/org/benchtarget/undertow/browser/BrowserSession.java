package org.benchtarget.undertow.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser tests' fixture, registered as a static extension: one target and one browser per test
 * class; each test starts with empty logs and ends back at the desktop viewport.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private BrowserTarget target;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        target = BrowserTarget.start();
        browser = Browser.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser.clearLogs();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser.desktop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (target != null) {
            target.close();
        }
    }

    Browser browser() {
        return browser;
    }

    /** Returns the absolute URL of {@code path} on the target. */
    String url(String path) {
        return target.url(path);
    }
}
