package org.benchtarget.undertow.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 as a person uses it, in headless chromium: sign in (a wrong password first), view the wall,
 * post an item, remove it, sign out. The wall's photos live on an outside host the browser may not reach;
 * everything the target serves must load and no console error may concern it.
 */
class WallBrowserIT {
    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession();

    private final Browser browser = SESSION.browser();

    @Test
    void signInViewPostRemoveSignOut() {
        var origin = SESSION.url("");
        browser.open(SESSION.url("/wall/1"));
        assertThat(browser.driver().getCurrentUrl()).as("a wall without a session leads to the sign-in form")
                .isEqualTo(SESSION.url("/login?next=%2Fwall%2F1"));

        signIn("user1", "not-the-password");
        assertThat(text("p.error")).isNotBlank();
        assertThat(browser.driver().findElement(By.id("username")).getDomProperty("value")).as("user name kept").isEqualTo("user1");
        assertThat(browser.driver().findElement(By.id("password")).getDomProperty("value")).as("password not echoed").isEmpty();
        assertThat(browser.consoleErrors()).as("only the 401 of the wrong password").singleElement().asString().contains("status of 401");
        assertThat(browser.requests()).filteredOn(NetworkLog.Request::failed).singleElement()
                .satisfies(request -> assertThat(request.status()).isEqualTo(401));
        browser.screenshot("login-error");

        signIn("user1", "benchpass");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(SESSION.url("/wall/1"));
        var outside = PageChecks.loadedCleanlyFromTarget(browser, origin);
        assertThat(outside).as("only the seed's media are outside").allSatisfy(request -> assertThat(request.url()).contains("example."));
        PageChecks.wellFormed(browser);
        PageChecks.fitsViewport(browser);
        assertThat(text("header.site nav")).contains("Sign out");
        assertThat(text("p.count")).startsWith("50 items");
        assertThat(browser.driver().findElements(By.cssSelector("article.item"))).hasSize(50);
        browser.screenshot("wall");

        var body = "Posted from a real browser " + System.nanoTime() + ": *hello* <b>not bold</b>";
        type("body", body);
        type("media_url", "https://www.example.org/browser-test");
        browser.submitWith(browser.driver().findElement(By.cssSelector("form.composer button[type=submit]")));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(SESSION.url("/wall/1"));
        PageChecks.loadedCleanlyFromTarget(browser, origin);
        assertThat(text("p.count")).startsWith("51 items");
        var posted = browser.driver().findElement(By.cssSelector("article.item"));
        assertThat(posted.findElement(By.cssSelector(".body")).getText()).contains("hello <b>not bold</b>");
        assertThat(posted.findElement(By.cssSelector(".body em")).getText()).isEqualTo("hello");
        assertThat(posted.findElements(By.cssSelector(".body b"))).as("markup typed by a user is text").isEmpty();
        assertThat(posted.findElement(By.cssSelector(".media a")).getDomAttribute("href")).isEqualTo("https://www.example.org/browser-test");
        var postedId = posted.getDomAttribute("id");

        browser.submitWith(posted.findElement(By.cssSelector("form.remove button")));
        PageChecks.loadedCleanlyFromTarget(browser, origin);
        assertThat(text("p.count")).startsWith("50 items");
        assertThat(browser.driver().findElements(By.id(postedId))).isEmpty();

        browser.open(SESSION.url("/"));
        PageChecks.loadedCleanly(browser);
        assertThat(text("h1")).startsWith("Hello, ");
        assertThat(browser.driver().findElements(By.cssSelector("ul.walls a"))).extracting(link -> link.getDomAttribute("href"))
                .contains("/wall/1", "/wall/2", "/wall/201", "/wall/202");
        browser.screenshot("home-signed-in");

        browser.phone();
        browser.open(SESSION.url("/wall/201"));
        PageChecks.loadedCleanlyFromTarget(browser, origin);
        PageChecks.fitsViewport(browser);
        browser.screenshot("phone-wall");
        browser.desktop();
        browser.clearLogs();

        browser.submitWith(browser.driver().findElement(By.cssSelector("header.site nav button")));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(SESSION.url("/"));
        PageChecks.loadedCleanly(browser);
        assertThat(text("header.site nav")).contains("Sign in").doesNotContain("Sign out");
        browser.open(SESSION.url("/wall/1"));
        assertThat(browser.driver().getCurrentUrl()).as("signed out").startsWith(SESSION.url("/login"));
    }

    private void signIn(String user, String password) {
        type("username", user);
        type("password", password);
        browser.submitWith(browser.driver().findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
