package org.benchtarget.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.benchtarget.bench.survey.SurveyLoad;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * No lost or doubled surveys: respondents complete surveys (some posting the last page twice) and the
 * tables must then hold exactly the completions they saw, each once, with all their answers and no
 * draft left. In daemon mode the same again while one backend is SIGKILLed mid-run: clients retry a
 * page that failed (as a user pressing reload), and every completion they saw is stored exactly once.
 */
public final class SurveySoak implements SoakTest {
    /** A retrying client tries a failed request this many times (100 ms, 200 ms, ... apart). */
    private static final int ATTEMPTS = 8;
    private static final int RESUBMIT_EVERY = 10;

    @Override
    public List<SoakRow> run(SoakTarget target) throws Exception {
        var rows = new ArrayList<SoakRow>();
        rows.add(plain(target));
        if (target.daemon() && target.process().isPresent()) {
            rows.add(withKilledBackend(target));
        }
        return rows;
    }

    private static SurveyLoad.Plan plan(SoakSizes sizes, int attempts) {
        return new SurveyLoad.Plan(sizes.surveyUsers(), sizes.surveyCompletions() / sizes.surveyUsers(), sizes.surveyMaxTime(),
                RESUBMIT_EVERY, attempts);
    }

    private static String load(SoakSizes sizes) {
        return String.format("%d users, %,d completions", sizes.surveyUsers(), sizes.surveyCompletions());
    }

    private static SoakRow plain(SoakTarget target) throws Exception {
        var before = StoredResponses.compare(target, List.of());
        var result = SurveyLoad.run(target.base(), plan(target.sizes(), 1));
        var stored = StoredResponses.compare(target, result.completedTokens());
        long lost = stored.lost() + stored.doubled();
        boolean passed = result.failures() == 0 && result.completed() == target.sizes().surveyCompletions() && lost == 0
                && stored.stored() - before.stored() == result.completed() && stored.partial() == 0 && stored.drafts() == 0;
        return new SoakRow("surveys, exactly once", load(target.sizes()), "last page posted twice every " + RESUBMIT_EVERY,
                requests(result), result.failures(), lost, passed, summary(result, stored));
    }

    private static SoakRow withKilledBackend(SoakTarget target) throws Exception {
        var sizes = target.sizes();
        var before = StoredResponses.compare(target, List.of());
        var load = CompletableFuture.supplyAsync(() -> {
            try {
                return SurveyLoad.run(target.base(), plan(sizes, ATTEMPTS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        // Kill a backend once the load is well under way: after 2 s, or 10 s for 10,000 completions.
        Thread.sleep(Math.max(2_000, sizes.surveyCompletions()));
        long killed = backendPid(target.base(), 1);
        ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
        var result = load.get();
        var stored = StoredResponses.compare(target, result.completedTokens());
        long lost = stored.lost() + stored.doubled();
        long newStored = stored.stored() - before.stored();
        // A client that gave up may have had its last page stored without seeing it: at most one per failure.
        boolean passed = result.failures() == 0 && lost == 0 && newStored >= result.completed()
                && newStored - result.completed() <= result.failures() && stored.partial() == 0
                && result.completed() == sizes.surveyCompletions();
        return new SoakRow("surveys, backend killed", load(sizes), "SIGKILL backend 1 (pid " + killed + ") mid-run; clients retry",
                requests(result), result.failures(), lost, passed, summary(result, stored) + ", " + result.retries() + " requests retried");
    }

    private static long requests(SurveyLoad.Result result) {
        // per completion: the first page's GET, then a POST and the GET it leads to per page; plus the failures' attempts
        return result.completed() + 2L * result.pageNanos().length + result.retries() + result.failures();
    }

    private static String summary(SurveyLoad.Result result, StoredResponses stored) {
        var samples = result.failureSamples().isEmpty() ? "" : "; failures: " + String.join(" | ", new HashSet<>(result.failureSamples()));
        return result.summary() + "; " + stored.describe() + samples;
    }

    /** Returns the pid of daemon backend {@code index} (1..P), from the front's GET /backends. */
    static long backendPid(URI base, int index) throws Exception {
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var response = client.send(HttpRequest.newBuilder(base.resolve("/backends")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var body = response.body();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /backends: status " + response.statusCode() + ": " + body.lines().findFirst().orElse(""));
            }
            for (var backend : new ObjectMapper().readTree(body).path("backends")) {
                if (backend.path("index").asInt(-1) == index) {
                    return backend.path("pid").asLong();
                }
            }
            throw new IllegalStateException("GET /backends lists no backend " + index + ": " + body);
        }
    }
}
