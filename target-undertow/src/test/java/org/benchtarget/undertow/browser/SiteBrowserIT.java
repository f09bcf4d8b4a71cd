package org.benchtarget.undertow.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymous pages in headless chromium: the home page and its static assets load with no console
 * error and no failed request, assets carry their cache headers, and every page is laid out for a
 * phone as well as a desktop. Screenshots go to target/browser/.
 */
class SiteBrowserIT {
    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession();

    private final Browser browser = SESSION.browser();

    @Test
    void homePageAndAssetsLoadCleanlyWithCacheHeaders() {
        browser.open(SESSION.url("/"));
        var requests = PageChecks.loadedCleanly(browser);
        assertThat(requests).extracting(request -> URI.create(request.url()).getPath())
                .contains("/", "/static/site.css", "/static/app.js", "/static/logo.svg");
        var assets = requests.stream().filter(request -> request.url().contains("/static/")).toList();
        assertThat(assets).isNotEmpty().allSatisfy(asset -> {
            assertThat(asset.status()).as(asset.url()).isEqualTo(200);
            assertThat(asset.header("cache-control")).as(asset.url()).matches("public, max-age=\\d+");
            assertThat(asset.header("etag")).as(asset.url()).isNotBlank();
            assertThat(asset.header("last-modified")).as(asset.url()).isNotBlank();
        });
        assertThat(browser.script("return document.documentElement.classList.contains('js')")).as("app.js ran").isEqualTo(true);
        assertThat(browser.script("return document.querySelector('header.site img').naturalWidth")).as("logo drawn")
                .asString().isNotEqualTo("0");
        PageChecks.wellFormed(browser);
        PageChecks.fitsViewport(browser);
        browser.screenshot("home");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/surveys", "/surveys/1"})
    void anonymousPagesFitAPhone(String path) {
        browser.phone();
        browser.open(SESSION.url(path));
        PageChecks.loadedCleanly(browser);
        assertThat(browser.script("return window.innerWidth")).as("the viewport meta makes the layout phone-wide")
                .asString().isEqualTo("390");
        PageChecks.wellFormed(browser);
        PageChecks.fitsViewport(browser);
        assertThat(browser.script("return parseFloat(getComputedStyle(document.querySelector('main')).fontSize)"))
                .as("body text readable on a phone (CSS px)").asString().satisfies(size -> assertThat(Double.parseDouble(size)).isGreaterThanOrEqualTo(15));
        browser.screenshot("phone" + (path.equals("/") ? "-home" : path.replace('/', '-')));
    }
}
