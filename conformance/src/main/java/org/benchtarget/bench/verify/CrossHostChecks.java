package org.benchtarget.bench.verify;

import org.benchtarget.bench.survey.SurveyAnswers;
import org.benchtarget.bench.survey.SurveyRobot;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * What must hold across the target hosts behind one balancer (all on one database), asked of each host directly:
 * a session signed in on one host is valid on the others, a CSRF token of one host's page is accepted by another,
 * a wall write on one host shows on the next request on every other host (whatever {@code cache} is: a cached wall
 * is used only while the database's stamp is unchanged), and a survey taken page by page on different hosts
 * completes exactly once. Leaves the data as it found it, apart from one completed survey response.
 * Not thread-safe: one run at a time.
 */
public final class CrossHostChecks {
    private static final Pattern COMPLETED = Pattern.compile("\"completed\"\\s*:\\s*(\\d+)");

    private final List<URI> hosts;
    private final List<WallChecks> walls = new ArrayList<>();

    public CrossHostChecks(List<URI> hosts) {
        if (hosts.size() < 2) {
            throw new IllegalArgumentException("cross-host checks need two or more hosts");
        }
        this.hosts = List.copyOf(hosts);
        hosts.forEach(host -> walls.add(new WallChecks(host)));
    }

    public List<Check> checks() {
        return List.of(
                new Check("across hosts: signed in on one host, the wall on every other; a CSRF token of one host's page accepted by another", this::sessions),
                new Check("across hosts: a wall write on one host shows on the next request on every host, a removal too (caches warm)", this::wallWrites),
                new Check("across hosts: a survey's pages posted to different hosts complete once; the last page again on another host stores nothing", this::survey));
    }

    private WallChecks host(int index) {
        return walls.get(index % walls.size());
    }

    private void sessions() throws Exception {
        var cookie = host(0).session();
        for (int i = 1; i < walls.size(); i++) {
            var wall = host(i).get("/wall/1", cookie);
            expect(wall.status() == 200, "%s: GET /wall/1 with a session from %s: status %d", hosts.get(i), hosts.get(0), wall.status());
        }
        var token = host(1).get("/wall/201", cookie).csrf();
        var marker = "cross-host csrf " + System.nanoTime();
        var posted = host(2).post("/wall/201/items", cookie, "csrf", token, "body", marker);
        expect(posted.status() == 303, "%s: POST with %s's CSRF token: status %d", hosts.get(2 % hosts.size()), hosts.get(1), posted.status());
        remove(cookie, marker);
    }

    private void wallWrites() throws Exception {
        var cookie = host(0).session();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < walls.size(); i++) {
                host(i).get("/wall/201", cookie); // load the wall into every host's cache (cache=data)
            }
        }
        var marker = "cross-host write " + System.nanoTime();
        var token = host(1).get("/wall/201", cookie).csrf();
        var posted = host(2).post("/wall/201/items", cookie, "csrf", token, "body", marker);
        expect(posted.status() == 303, "POST on %s: status %d", hosts.get(2 % hosts.size()), posted.status());
        for (int i = 0; i < walls.size(); i++) {
            expect(host(i).get("/wall/201", cookie).body().contains(marker), "%s does not show the item written on %s",
                    hosts.get(i), hosts.get(2 % hosts.size()));
        }
        remove(cookie, marker);
        for (int i = 0; i < walls.size(); i++) {
            expect(!host(i).get("/wall/201", cookie).body().contains(marker), "%s still shows the item removed on %s", hosts.get(i), hosts.get(0));
        }
    }

    /** Removes the item holding {@code marker} from wall 201, through the first host. */
    private void remove(String cookie, String marker) throws Exception {
        var page = host(0).get("/wall/201", cookie);
        int at = page.body().indexOf(marker);
        expect(at > 0, "%s: the item '%s' is not on wall 201", hosts.get(0), marker);
        String id = null;
        var matcher = WallChecks.ITEM.matcher(page.body());
        while (matcher.find() && matcher.start() < at) {
            id = matcher.group(1);
        }
        expect(id != null, "no item id before '%s'", marker);
        var removed = host(0).post("/wall/201/items/" + id + "/remove", cookie, "csrf", page.csrf());
        expect(removed.status() == 303, "remove item %s: status %d", id, removed.status());
    }

    private void survey() throws Exception {
        var robots = hosts.stream().map(host -> new SurveyRobot(host, 1)).toList();
        try {
            var answers = new SurveyAnswers(new SplittableRandom(12));
            long before = completed(robots.get(0));
            var start = robots.get(0).get("/surveys/1");
            expect(start.statusCode() == 200, "GET /surveys/1: status %d", start.statusCode());
            var page = SurveyRobot.parse(start.body());
            int step = 1;
            while (true) {
                var form = new StringBuilder("response=").append(SurveyRobot.encode(page.response()))
                        .append("&csrf=").append(SurveyRobot.encode(page.csrf()));
                answers.append(page, form);
                var poster = robots.get(step++ % robots.size());
                var posted = poster.post(page.action(), form.toString());
                expect(posted.statusCode() == 303, "POST %s on host %d: status %d", page.action(), step - 1, posted.statusCode());
                var location = posted.headers().firstValue("Location").orElse("");
                var next = robots.get(step++ % robots.size()).get(location);
                expect(next.statusCode() == 200, "GET %s on another host: status %d", location, next.statusCode());
                if (location.contains("/done?")) {
                    var again = robots.get(step % robots.size()).post(page.action(), form.toString());
                    expect(again.statusCode() == 303 && location.equals(again.headers().firstValue("Location").orElse("")),
                            "the last page again on another host: status %d, Location %s", again.statusCode(), again.headers().firstValue("Location").orElse(""));
                    break;
                }
                page = SurveyRobot.parse(next.body());
            }
            for (int i = 0; i < robots.size(); i++) {
                long after = completed(robots.get(i));
                expect(after == before + 1, "%s: survey 1 completed %d times, expected %d", hosts.get(i), after, before + 1);
            }
        } finally {
            robots.forEach(SurveyRobot::close);
        }
    }

    private static long completed(SurveyRobot robot) throws Exception {
        var results = robot.get("/surveys/1/results");
        var matcher = COMPLETED.matcher(results.body());
        expect(results.statusCode() == 200 && matcher.find(), "GET /surveys/1/results: status %d", results.statusCode());
        return Long.parseLong(matcher.group(1));
    }
}
