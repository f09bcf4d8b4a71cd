package org.benchtarget.loadtests;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Seed 002's signed-in user: loads the sign-in form (its csrftoken cookie and hidden csrf field), signs
 * in as a random userN (1..{@code bench.wall-users}, default 1000), lands on their first wall, lists their
 * walls on the home page and views each, posts an item to the first wall and removes it again (the walls
 * end as they began). Gatling keeps the cookies and follows the 303s.
 */
public class WallJourneySimulation extends Simulation {
    private static final int WALL_USERS = Integer.getInteger("bench.wall-users", 1000);

    private final ScenarioBuilder member = scenario("sign in, walls, post, remove")
            .exec(session -> session.set("username", "user" + (1 + ThreadLocalRandom.current().nextInt(WALL_USERS)))
                    .set("marker", "gatling-" + Long.toHexString(ThreadLocalRandom.current().nextLong())))
            .exec(http("login form").get("/login")
                    .check(status().is(200), css("input[name=csrf]", "value").saveAs("csrf")))
            .exec(http("login").post("/login")
                    .formParam("csrf", "#{csrf}").formParam("username", "#{username}").formParam("password", SimulationSettings.PASSWORD)
                    .check(status().is(200), currentLocationRegex("(/wall/\\d+)$").saveAs("wall"),
                            css("form.composer input[name=csrf]", "value").saveAs("csrf")))
            .exitHereIfFailed()
            .exec(http("my walls").get("/")
                    .check(status().is(200), regex("href=\"(/wall/\\d+)\"").findAll().saveAs("walls")))
            .foreach("#{walls}", "other").on(
                    exec(http("wall").get("#{other}").check(status().is(200), substring("<article class=\"item\"").exists())))
            .exec(http("post item").post("#{wall}/items")
                    .formParam("csrf", "#{csrf}").formParam("body", "#{marker}")
                    .check(status().is(200), bodyString().saveAs("html")))
            .exec(WallJourneySimulation::postedItem)
            .exec(http("remove item").post("#{wall}/items/#{item}/remove")
                    .formParam("csrf", "#{csrf}")
                    .check(status().is(200), substring("#{marker}").notExists()));

    {
        setUp(member.injectClosed(constantConcurrentUsers(SimulationSettings.USERS).during(SimulationSettings.DURATION)))
                .protocols(SimulationSettings.protocol())
                .assertions(global().failedRequests().count().is(0L), global().successfulRequests().count().gt(0L));
    }

    /**
     * Finds the id of the item this user just posted: the article that holds the marker (others may post too).
     * None found: item 0, whose removal is a 404, so the run counts a failed request.
     */
    private static Session postedItem(Session session) {
        var html = session.getString("html");
        int marker = html.indexOf(session.getString("marker"));
        int article = marker < 0 ? -1 : html.lastIndexOf("<article class=\"item\" id=\"item-", marker);
        if (article < 0) {
            return session.set("item", "0");
        }
        int start = article + "<article class=\"item\" id=\"item-".length();
        return session.set("item", html.substring(start, html.indexOf('"', start))).remove("html");
    }
}
