package org.benchtarget.undertow.browser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every page must satisfy in the browser: it loaded cleanly, fits its viewport, labels its fields, needs no inline code. */
final class PageChecks {
    private PageChecks() {
    }

    /** No console error and no failed request since the last check; returns the requests made. */
    static List<NetworkLog.Request> loadedCleanly(Browser browser) {
        var requests = browser.requests();
        assertThat(requests).as("requests").isNotEmpty();
        assertThat(requests).as("failed requests").filteredOn(NetworkLog.Request::failed).isEmpty();
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        return requests;
    }

    /**
     * As {@link #loadedCleanly}, but what lives outside the target may fail (the seed's wall photos are on
     * media.example.com, which the browser may not reach); returns those outside requests.
     */
    static List<NetworkLog.Request> loadedCleanlyFromTarget(Browser browser, String origin) {
        var requests = browser.requests();
        var inside = requests.stream().filter(request -> request.url().startsWith(origin + "/")).toList();
        assertThat(inside).as("requests to the target").isNotEmpty();
        assertThat(inside).as("failed requests to the target").filteredOn(NetworkLog.Request::failed).isEmpty();
        assertThat(browser.consoleErrors()).as("console errors not about outside URLs")
                .filteredOn(message -> !message.replace(origin, "").contains("://")).isEmpty();
        return requests.stream().filter(request -> !inside.contains(request)).toList();
    }

    /** Every visible form field has a label, and nothing would break under a CSP without 'unsafe-inline'. */
    @SuppressWarnings("unchecked")
    static void wellFormed(Browser browser) {
        var unlabelled = (List<String>) browser.script("""
                return [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
                    .filter(e => !(e.labels && e.labels.length))
                    .map(e => e.name || e.id || e.outerHTML);""");
        assertThat(unlabelled).as("form fields without a label").isEmpty();
        var inline = (List<String>) browser.script("""
                return [...document.querySelectorAll('script:not([src]), style, [style], [onclick], [onload], [onsubmit]')]
                    .map(e => e.outerHTML.slice(0, 100));""");
        assertThat(inline).as("inline scripts or styles (a CSP without 'unsafe-inline' blocks them)").isEmpty();
        assertThat(browser.script("return getComputedStyle(document.body).fontFamily")).as("site.css applied")
                .asString().contains("system-ui");
    }

    /** The page is laid out for the viewport: no sideways scrolling. */
    static void fitsViewport(Browser browser) {
        var overflow = ((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).as("pixels wider than the viewport").isLessThanOrEqualTo(0);
    }
}
