package org.benchtarget.e2e;

import org.benchtarget.bench.run.ExperimentRun;
import org.benchtarget.bench.run.RunOptions;
import org.benchtarget.undertow.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench run}'s report.html in headless chromium: a small real run against target-undertow's jar
 * (built in its package phase, before the ITs), then the report opened from disk draws every chart with no
 * console error and no request beyond its own file.
 */
class ReportBrowserIT {
    private static final Path OUT = Path.of("target", "bench-run", "browser-report");
    private static Browser browser;

    @BeforeAll
    static void runAndStart() throws Exception {
        // failsafe runs in e2e/; bench finds target-undertow/target/benchtarget-undertow.jar from the clone's root
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        Files.deleteIfExists(OUT.resolve("results.json"));
        var experiment = Path.of("src", "test", "resources", "report-experiment.properties").toString();
        var options = new RunOptions(experiment, false, OUT, null, List.of(), List.of(), List.of(), null);
        assertThat(new ExperimentRun(options, System.out).run()).isZero();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theReportDrawsEveryChart() {
        var charts = RenderedCharts.of(browser, OUT.resolve("report.html"));
        // the declared shape (req/s and p99 x two endpoints), then two endpoints x (throughput, latency) + one resources chart
        assertThat(charts).hasSize(9);
        RenderedCharts.assertAllDrawn(charts);
        assertThat(charts.subList(0, 4)).extracting(chart -> chart.get("title"))
                .containsExactly("/hello: requests per second (req/s) by concurrency (clients)",
                        "/hello.txt: requests per second (req/s) by concurrency (clients)",
                        "/hello: p99 latency (ms) by concurrency (clients)", "/hello.txt: p99 latency (ms) by concurrency (clients)");
        // hovering a point shows its numbers: the first shaped chart's tooltip names the line and a value
        var tooltip = (String) browser.script("""
                const div = document.querySelector('div.chart.shape');
                const chart = echarts.getInstanceByDom(div);
                chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
                return div.innerText;""");
        assertThat(tooltip).contains("undertow-nio").containsPattern("\\d");
        browser.screenshot("report");
    }
}
