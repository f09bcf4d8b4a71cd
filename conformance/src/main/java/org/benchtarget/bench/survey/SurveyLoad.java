package org.benchtarget.bench.survey;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Seed 001's workload: {@code users} concurrent respondents, each completing the seven surveys in
 * turn, {@code rounds} times or until {@code maxTime} is up (whichever is first; a survey under
 * way is finished), or as a {@link Plan} says. Counts completions (done page seen) per survey and failures, and keeps every
 * page time for percentiles. Bounded in time and count; one thread per user.
 */
public final class SurveyLoad {
    public static final int SURVEYS = 7;

    private SurveyLoad() {
    }

    /** What a run saw: completions per survey (index 0 = survey 1), answer rows sent, failures with a few samples. */
    public record Result(int users, long[] completedPerSurvey, long answerRows, long failures, List<String> failureSamples,
                         long[] pageNanos, Duration elapsed, Set<String> completedTokens, long retries) {
        public long completed() {
            return Arrays.stream(completedPerSurvey).sum();
        }

        public double completionsPerSecond() {
            return completed() / (elapsed.toNanos() / 1e9);
        }

        /** Returns the page time at {@code percentile} (0..100) in milliseconds. */
        public double pageMillis(double percentile) {
            if (pageNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100 * pageNanos.length) - 1;
            return pageNanos[Math.max(0, Math.min(index, pageNanos.length - 1))] / 1e6;
        }

        public double failuresPer10k() {
            long attempts = completed() + failures;
            return attempts == 0 ? 0 : failures * 10_000.0 / attempts;
        }

        public String summary() {
            return String.format("users=%d completed=%d (%.1f/s) failures=%d (%.2f per 10,000) page p50=%.1f ms p99=%.1f ms in %.1f s",
                    users, completed(), completionsPerSecond(), failures, failuresPer10k(), pageMillis(50), pageMillis(99),
                    elapsed.toNanos() / 1e9);
        }
    }

    /**
     * How much load: {@code users} respondents completing {@code completionsPerUser} surveys each (the seven in turn)
     * or until {@code maxTime}; {@code resubmitEvery} > 0 makes each user post a last page twice every that many
     * completions; {@code attempts} > 1 sends a request that failed (connection lost, 502/503/504) again.
     */
    public record Plan(int users, int completionsPerUser, Duration maxTime, int resubmitEvery, int attempts) {
    }

    /** Runs the load; {@code resubmitEvery} > 0 makes each user post a last page twice every that many completions. */
    public static Result run(URI base, int users, int rounds, Duration maxTime, int resubmitEvery) throws InterruptedException {
        int perUser = rounds >= Integer.MAX_VALUE / SURVEYS ? Integer.MAX_VALUE : rounds * SURVEYS;
        return run(base, new Plan(users, perUser, maxTime, resubmitEvery, 1));
    }

    /** Runs the load as planned. */
    public static Result run(URI base, Plan plan) throws InterruptedException {
        int users = plan.users();
        var maxTime = plan.maxTime();
        var tokens = ConcurrentHashMap.<String>newKeySet();
        var retries = new AtomicLong();
        var completed = new AtomicLongArray(SURVEYS);
        var answerRows = new AtomicLong();
        var failures = new AtomicLong();
        var samples = Collections.synchronizedList(new ArrayList<String>());
        var pages = new ConcurrentHashMap<Integer, long[]>();
        long began = System.nanoTime();
        long deadline = began + maxTime.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            int user = u;
            threads.execute(() -> {
                var times = new ArrayList<Long>();
                try (var robot = new SurveyRobot(base, 1_000L + user).retrying(plan.attempts())) {
                    for (int done = 0, next = 0; next < plan.completionsPerUser() && System.nanoTime() < deadline; next++) {
                        int survey = next % SURVEYS + 1;
                        try {
                            var completion = robot.complete(survey, plan.resubmitEvery() > 0 && done % plan.resubmitEvery() == 0);
                            completed.incrementAndGet(survey - 1);
                            answerRows.addAndGet(completion.answerRows());
                            times.addAll(completion.pageNanos());
                            tokens.add(completion.token());
                            done++;
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            if (samples.size() < 10) {
                                samples.add("user " + user + ", survey " + survey + ": " + e);
                            }
                        }
                    }
                    retries.addAndGet(robot.retries());
                }
                pages.put(user, times.stream().mapToLong(Long::longValue).toArray());
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(maxTime.toMillis() + 120_000, TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("the load did not finish within " + maxTime + " plus 2 minutes");
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - began);
        var all = pages.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        var perSurvey = new long[SURVEYS];
        for (int i = 0; i < SURVEYS; i++) {
            perSurvey[i] = completed.get(i);
        }
        return new Result(users, perSurvey, answerRows.get(), failures.get(), List.copyOf(samples), all, elapsed, Set.copyOf(tokens), retries.get());
    }
}
