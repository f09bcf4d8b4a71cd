package org.benchtarget.bench;

import org.benchtarget.bench.survey.SurveyLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench surveys URL}: seed 001's survey-completion load. For each user count, that many
 * robots complete the seven surveys in turn for the given time; prints completions per second,
 * page p50/p99 and failures per 10,000, one line per level.
 */
@Command(name = "surveys", description = "Survey completion load (seed 001): concurrent users each completing the seven surveys in turn.")
final class SurveysCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL", description = "base URL of the target, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--users", split = ",", defaultValue = "10,50,100", description = "concurrent users, one run per value (default: ${DEFAULT-VALUE})")
    List<Integer> users;

    @Option(names = "--seconds", defaultValue = "30", description = "length of each run (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "0", description = "seconds of unreported load with the first user count before the runs")
    int warmup;

    @Override
    public Integer call() throws InterruptedException {
        var base = URI.create(url);
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new BenchException("surveys: expected http://host:port, got " + url);
        }
        if (seconds < 1 || seconds > 3_600 || users.stream().anyMatch(n -> n < 1 || n > 2_000)) {
            throw new BenchException("surveys: --seconds 1..3600 and --users 1..2000");
        }
        if (warmup > 0) {
            System.out.println("warm-up: " + SurveyLoad.run(base, users.get(0), Integer.MAX_VALUE, Duration.ofSeconds(warmup), 0).summary());
        }
        long failures = 0;
        for (int level : users) {
            var result = SurveyLoad.run(base, level, Integer.MAX_VALUE, Duration.ofSeconds(seconds), 0);
            System.out.println(result.summary());
            result.failureSamples().forEach(sample -> System.out.println("  failure: " + sample));
            failures += result.failures();
        }
        return failures == 0 ? 0 : 1;
    }
}
