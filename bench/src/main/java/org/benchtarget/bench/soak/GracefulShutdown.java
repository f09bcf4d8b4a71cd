package org.benchtarget.bench.soak;

import org.benchtarget.bench.survey.SurveyLoad;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Graceful shutdown under load: while respondents complete surveys and slow requests ({@code X-Delay})
 * are in flight, the target gets SIGTERM. The slow requests must all complete with 200, the process must
 * exit within a bound (twice {@code shutdown.timeout} plus 10 s: daemon mode stops the front, then the
 * backends), and the tables must hold no partial response and every completion a client saw. Ends the
 * target, so the suite runs it last. Needs the target's process and {@code inject.headers=on}.
 */
public final class GracefulShutdown implements SoakTest {
    private static final int SLOW_REQUESTS = 10;
    private static final Duration SLOW = Duration.ofSeconds(2);

    @Override
    public List<SoakRow> run(SoakTarget target) throws Exception {
        var sizes = target.sizes();
        var load = String.format("%d survey users, %d requests of %d s in flight", sizes.shutdownUsers(), SLOW_REQUESTS, SLOW.toSeconds());
        var process = target.process().orElse(null);
        if (process == null) {
            return List.of(new SoakRow("graceful shutdown", load, "SIGTERM", 0, 0, -1, true, "skipped: not a process the suite started"));
        }
        var surveys = CompletableFuture.supplyAsync(() -> {
            try {
                return SurveyLoad.run(target.base(), new SurveyLoad.Plan(sizes.shutdownUsers(), 200, Duration.ofSeconds(60), 0, 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2_000); // surveys under way
        var before = StoredResponses.compare(target, List.of());
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var slow = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < SLOW_REQUESTS; i++) {
                slow.add(client.sendAsync(HttpRequest.newBuilder(target.base().resolve("/db?id=" + (i % 10 + 1)))
                        .header("X-Delay", SLOW.toMillis() + "ms").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(500); // the slow requests are being served
            long signalled = System.nanoTime();
            process.destroy(); // SIGTERM
            var bound = target.shutdownTimeout().multipliedBy(2).plusSeconds(10);
            boolean exited = process.onExit().completeOnTimeout(null, bound.toMillis(), TimeUnit.MILLISECONDS).get() != null && !process.isAlive();
            long exitMillis = (System.nanoTime() - signalled) / 1_000_000;
            int completed = 0;
            var problems = new ArrayList<String>();
            for (var request : slow) {
                try {
                    var response = request.get(SLOW.toSeconds() + 30, TimeUnit.SECONDS);
                    if (response.statusCode() == 200 && response.body().length() == 2_500) {
                        completed++;
                    } else {
                        problems.add("status " + response.statusCode());
                    }
                } catch (Exception e) {
                    problems.add(e.getCause() == null ? e.toString() : e.getCause().toString());
                }
            }
            var result = surveys.get(3, TimeUnit.MINUTES);
            var stored = StoredResponses.compare(target, result.completedTokens());
            long newStored = stored.stored() - before.stored();
            // Respondents still going when the port closed fail to start their next survey: expected, not an error.
            long errors = (SLOW_REQUESTS - completed) + stored.partial() + stored.lost() + stored.doubled() + (exited ? 0 : 1);
            var detail = String.format("%d of %d slow requests completed%s; exited%s in %,d ms (bound %d s); surveys: %d completed before"
                            + " the stop, %s", completed, SLOW_REQUESTS, problems.isEmpty() ? "" : " " + problems, exited ? "" : " NOT", exitMillis,
                    bound.toSeconds(), result.completed(), stored.describe());
            return List.of(new SoakRow("graceful shutdown", load, "SIGTERM to pid " + process.pid(), SLOW_REQUESTS + result.completed(),
                    errors, stored.lost() + stored.doubled(), errors == 0 && newStored >= 0, detail));
        } finally {
            surveys.cancel(true);
        }
    }
}
