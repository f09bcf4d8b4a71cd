package org.benchtarget.undertow.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Headless Debian chromium driven through the system chromedriver: both paths are given to Selenium,
 * so Selenium Manager never runs and nothing is downloaded. The browser may resolve no host name but
 * loopback ones, so a page cannot reach the outside. Collects console messages and network events,
 * takes full-page screenshots (desktop, or a phone-sized viewport). Not thread-safe: one per test class.
 */
public final class Browser implements AutoCloseable {
    /** Where screenshots land, relative to the module (failsafe runs in target-undertow/). */
    public static final Path ARTIFACTS = Path.of("target", "browser");
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("bench.browser.driver", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getProperty("bench.browser.binary", "/usr/bin/chromium"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Held so the setting sticks: Selenium warns at every start that it has no DevTools classes for this chromium; we use none. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final NetworkLog network = new NetworkLog();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser, or fails with one line saying what is missing. */
    public static Browser start() {
        return start(new String[0]);
    }

    /** As {@link #start()}, with more chromium flags (e.g. {@code --ignore-certificate-errors-spki-list=...}). */
    public static Browser start(String... flags) {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        for (var executable : List.of(CHROMEDRIVER, CHROMIUM)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver): "
                        + executable + " is missing");
            }
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                "--lang=en-US", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        options.addArguments(flags);
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        try {
            return new Browser(new ChromeDriver(service, options));
        } catch (WebDriverException e) {
            service.stop();
            throw new IllegalStateException("headless chromium did not start (" + CHROMIUM + " via " + CHROMEDRIVER + "): "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until the document and its subresources have loaded. */
    public void open(String url) {
        driver.get(url);
        waitForLoad();
    }

    public void waitForLoad() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(script("return document.readyState")));
    }

    /** Clicks {@code element}, which submits a form, and waits until the next page has loaded. */
    public void submitWith(WebElement element) {
        script("window.benchtargetLeaving = true");
        element.click();
        // a new document has no such property; while it is loading, the driver may answer with errors
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                script("return window.benchtargetLeaving === undefined && document.readyState === 'complete'")));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Returns the console messages of level SEVERE since the last call (JavaScript errors, failed loads, CSP violations). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .toList();
    }

    /** Returns the requests the browser made since the last call, with their status, headers or failure. */
    public List<NetworkLog.Request> requests() {
        return network.read(driver.manage().logs().get(LogType.PERFORMANCE));
    }

    /** Forgets the console messages and requests so far (a lazily loaded image of the last page, say). */
    public void clearLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /** Lays the pages out as on a phone (390 x 844 CSS pixels, touch, the viewport meta honoured). */
    public void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Writes a full-page PNG of the current page to target/browser/NAME.png and returns its path. */
    public Path screenshot(String name) {
        var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        var file = ARTIFACTS.resolve(name + ".png");
        try {
            Files.createDirectories(ARTIFACTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
