package org.benchtarget.loadtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped scripts in loadscripts/ (wrk, httperf, ab) run as README shows them, for about two seconds
 * each, against a real target: each must get answers and no error, non-2xx answer or socket error.
 * A tool missing from PATH fails its test with one line (.ci/run installs them).
 */
class LoadScriptsIT {
    private static final Path SCRIPTS = Path.of(System.getProperty("bench.loadscripts", "../loadscripts")).toAbsolutePath().normalize();
    private static final Pattern WRK_REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern HTTPERF_STATUS = Pattern.compile("Reply status: 1xx=(\\d+) 2xx=(\\d+) 3xx=(\\d+) 4xx=(\\d+) 5xx=(\\d+)");
    private static final Pattern HTTPERF_ERRORS = Pattern.compile("Errors: total (\\d+) ");
    private static final Pattern AB_LINE = Pattern.compile("(?m)^ab (\\S+) complete=(\\d+) failed=(\\d+) non2xx=(\\d+) rps=");

    private static InProcessTarget target;
    private static String sessionId;

    @BeforeAll
    static void start() {
        target = new InProcessTarget();
        sessionId = target.token("user1");
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void wrkScriptsGetOnly2xxAnswers() throws Exception {
        var wrk = ToolRun.require("wrk", "apt-get install wrk");
        record Case(String script, List<String> arguments, Map<String, String> environment) {
        }
        var cases = List.of(
                new Case("hello.lua", List.of(), Map.of()),
                new Case("db.lua", List.of(), Map.of()),
                new Case("wall.lua", List.of(), Map.of("SESSIONID", sessionId)),
                new Case("wall.lua", List.of("--", sessionId, "1,2,201,202"), Map.of()),
                new Case("mixed.lua", List.of(), Map.of("SESSIONID", sessionId)));
        for (var run : cases) {
            var command = new ArrayList<>(List.of(wrk, "-t1", "-c8", "-d2s", "-s", SCRIPTS.resolve("wrk").resolve(run.script()).toString(), target.url()));
            command.addAll(run.arguments());
            var result = ToolRun.run(command, run.environment());
            assertThat(result.exitCode()).as(run.script() + ":\n" + result.output()).isZero();
            assertThat(count(WRK_REQUESTS, result.output())).as(run.script() + ":\n" + result.output()).isPositive();
            assertThat(result.output()).as(run.script()).doesNotContain("Non-2xx or 3xx responses", "Socket errors");
        }
    }

    @Test
    void wrkServerTimingScriptPrintsTheTargetsQueueAndServiceTimes() throws Exception {
        var wrk = ToolRun.require("wrk", "apt-get install wrk");
        var result = ToolRun.run(List.of(wrk, "-t2", "-c16", "-d2s", "-s", SCRIPTS.resolve("wrk/server-timing.lua").toString(),
                target.url() + "/db"), Map.of());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("Non-2xx or 3xx responses")
                .contains("X-Bench-Mode: undertow,in-process,workers=nio,threads=4")
                .containsPattern("queue\\s+p50\\s+[\\d.]+ ms p90\\s+[\\d.]+ ms p99\\s+[\\d.]+ ms")
                .containsPattern("app\\s+p50\\s+[\\d.]+ ms");
        int requests = count(WRK_REQUESTS, result.output());
        assertThat(result.output()).contains("with Server-Timing " + requests);
    }

    @Test
    void wrkWallScriptWithoutASessionStopsWithOneLine() throws Exception {
        var wrk = ToolRun.require("wrk", "apt-get install wrk");
        var result = ToolRun.run(List.of(wrk, "-t1", "-c1", "-d1s", "-s", SCRIPTS.resolve("wrk/wall.lua").toString(), target.url()),
                Map.of("SESSIONID", ""));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("wall.lua: no session", "SESSIONID=$(bin/bench token user1").doesNotContain("PANIC");
        assertThat(result.output().strip().lines()).as(result.output()).hasSize(1);
    }

    @Test
    void httperfSessionsSignedInThroughTheLoginFormAndAnonymous() throws Exception {
        var httperf = ToolRun.require("httperf", "apt-get install httperf");
        ToolRun.require("curl", "apt-get install curl");
        var login = ToolRun.run(List.of(SCRIPTS.resolve("httperf/login.sh").toString(), target.url(), "user1"), Map.of());
        assertThat(login.exitCode()).as(login.output()).isZero();
        var signedIn = login.output().strip();
        assertThat(signedIn).matches("1\\.\\d+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

        for (var sessions : List.of("walls.wsesslog", "anonymous.wsesslog")) {
            var command = new ArrayList<>(List.of(httperf, "--hog", "--server", "127.0.0.1", "--port", Integer.toString(target.port()),
                    "--wsesslog=20,0.05," + SCRIPTS.resolve("httperf").resolve(sessions), "--rate", "10", "--timeout", "10"));
            if (sessions.startsWith("walls")) {
                command.add("--add-header=Cookie: sessionid=" + signedIn + "\\n");
            }
            var result = ToolRun.run(command, Map.of());
            assertThat(result.exitCode()).as(sessions + ":\n" + result.output()).isZero();
            var status = HTTPERF_STATUS.matcher(result.output());
            assertThat(status.find()).as(sessions + ":\n" + result.output()).isTrue();
            assertThat(Integer.parseInt(status.group(2))).as(sessions + " 2xx").isPositive();
            assertThat(status.group(1) + status.group(3) + status.group(4) + status.group(5)).as(sessions + " 1xx, 3xx, 4xx, 5xx").isEqualTo("0000");
            assertThat(count(HTTPERF_ERRORS, result.output())).as(sessions + " errors").isZero();
        }
        var wrongPassword = ToolRun.run(List.of(SCRIPTS.resolve("httperf/login.sh").toString(), target.url(), "user1", "wrong"), Map.of());
        assertThat(wrongPassword.exitCode()).isNotZero();
        assertThat(wrongPassword.output()).contains("answered 401, expected 303");
    }

    @Test
    void abCommandLinesOnEveryEndpointAndTheSignedInWall() throws Exception {
        ToolRun.require("ab", "apt-get install apache2-utils");
        var result = ToolRun.run(List.of(SCRIPTS.resolve("ab/endpoints.sh").toString(), target.url(), sessionId),
                Map.of("N", "300", "C", "8"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        var lines = AB_LINE.matcher(result.output());
        var paths = new ArrayList<String>();
        while (lines.find()) {
            paths.add(lines.group(1));
            assertThat(lines.group(2)).as(lines.group()).isEqualTo("300");
            assertThat(lines.group(3) + lines.group(4)).as(lines.group() + " failed, non-2xx").isEqualTo("00");
        }
        assertThat(paths).containsExactly("/hello", "/db", "/hello.txt", "/", "/surveys", "/wall/1");
    }

    private static int count(Pattern pattern, String output) {
        var matcher = pattern.matcher(output);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
