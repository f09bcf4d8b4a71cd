package org.benchtarget.e2e;

import org.benchtarget.undertow.browser.Browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What headless Chromium draws of a {@code bench run} report.html opened from disk: per chart, the series ECharts
 * holds, their data points, how many pixels its canvas painted, and its title. Opening it checks that the page logs
 * no console error and needs nothing but its own file.
 */
final class RenderedCharts {
    private RenderedCharts() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> of(Browser browser, Path report) {
        browser.clearLogs();
        browser.open(report.toAbsolutePath().toUri().toString());
        assertThat(browser.consoleErrors()).as("console errors of %s", report).isEmpty();
        assertThat(browser.requests()).as("%s needs nothing but its own file", report)
                .allSatisfy(request -> assertThat(request.url()).startsWith("file:"));
        return (List<Map<String, Object>>) browser.script("""
                return [...document.querySelectorAll('div.chart')].map(div => {
                  const chart = echarts.getInstanceByDom(div);
                  let painted = 0;
                  for (const canvas of div.querySelectorAll('canvas')) {
                    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
                  }
                  const series = chart ? chart.getOption().series : [];
                  const title = chart ? (chart.getOption().title || []).map(t => t.text).join('') : '';
                  return {id: div.id, shape: div.classList.contains('shape'), series: series.length,
                          points: series.reduce((n, s) => n + s.data.filter(v => v != null).length, 0), painted, title};
                });""");
    }

    /** Every chart has series with points and painted more than a frame's worth of pixels. */
    static void assertAllDrawn(List<Map<String, Object>> charts) {
        assertThat(charts).isNotEmpty().allSatisfy(chart -> {
            assertThat(((Number) chart.get("series")).intValue()).as("series of %s", chart.get("id")).isPositive();
            assertThat(((Number) chart.get("points")).intValue()).as("data points of %s", chart.get("id")).isPositive();
            assertThat(((Number) chart.get("painted")).intValue()).as("painted pixels of %s", chart.get("id")).isGreaterThan(2_000);
        });
    }
}
