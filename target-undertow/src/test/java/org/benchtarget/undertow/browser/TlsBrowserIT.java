package org.benchtarget.undertow.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless chromium over https and h2 against the self-signed certificate made at start, trusted by its public key's
 * fingerprint (/info's tlsSpkiSha256), not by ignoring every certificate error: the home page loads over h2 and a
 * user signs in, the session cookie Secure.
 */
class TlsBrowserIT {
    private static BrowserTarget target;
    private static Browser browser;

    @BeforeAll
    static void start() {
        target = BrowserTarget.start("tls=on", "http2=on");
        browser = Browser.start("--ignore-certificate-errors-spki-list=" + target.spki());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void homePageAndSignInOverH2() {
        assertThat(target.url("/")).startsWith("https://");
        browser.open(target.url("/"));
        PageChecks.loadedCleanly(browser);
        assertThat(browser.script("return performance.getEntriesByType('navigation')[0].nextHopProtocol")).isEqualTo("h2");
        browser.screenshot("tls-home");

        browser.open(target.url("/login"));
        browser.driver().findElement(By.id("username")).sendKeys("user1");
        browser.driver().findElement(By.id("password")).sendKeys("benchpass");
        browser.submitWith(browser.driver().findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(target.url("/wall/1"));
        PageChecks.loadedCleanlyFromTarget(browser, target.url(""));
        assertThat(browser.driver().findElement(By.cssSelector("header.site nav")).getText()).contains("Sign out");
        var session = browser.driver().manage().getCookieNamed("sessionid");
        assertThat(session).isNotNull();
        assertThat(session.isSecure()).as("the session cookie is Secure over TLS").isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        browser.screenshot("tls-wall");
    }
}
