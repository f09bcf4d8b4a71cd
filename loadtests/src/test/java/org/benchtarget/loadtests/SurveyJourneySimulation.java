package org.benchtarget.loadtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import org.benchtarget.bench.survey.SurveyAnswers;
import org.benchtarget.bench.survey.SurveyRobot;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Seed 001's respondent, as bench's SevenSurveysJourney: completes the seven surveys in turn. Each
 * survey starts with GET /surveys/{id} (a new response token and its CSRF token in the page), then
 * every page is answered validly (bench's SurveyAnswers reads the questions from the HTML) and posted;
 * Gatling follows the 303 to the next page, until the done page, which is fetched once more to check it.
 * Anonymous: surveys need no sign-in.
 */
public class SurveyJourneySimulation extends Simulation {
    private static final int SURVEYS = 7;

    private static final ChainBuilder COMPLETE_ONE = exec(
            http("survey start").get("/surveys/#{survey}")
                    .check(status().is(200), bodyString().saveAs("html")))
            .exitHereIfFailed()
            .exec(SurveyJourneySimulation::nextForm)
            .asLongAs(session -> !session.getBoolean("done")).on(
                    exec(http("survey page").post("#{action}")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .body(StringBody("#{form}"))
                            .check(status().is(200), currentLocation().saveAs("location"), bodyString().saveAs("html")))
                            .exitHereIfFailed()
                            .exec(SurveyJourneySimulation::nextForm));

    private final ScenarioBuilder respondent = scenario("seven surveys")
            .exec(session -> session.set("answers", new SurveyAnswers(new SplittableRandom(ThreadLocalRandom.current().nextLong()))))
            .repeat(SURVEYS, "index").on(
                    exec(session -> session.set("survey", session.getInt("index") + 1).set("done", false).remove("location"))
                            .exec(COMPLETE_ONE)
                            // the done page once more: a survey that ended anywhere else counts as a failed request
                            .exec(http("survey done").get("#{location}").check(status().is(200), substring("Thank you").exists()))
                            .exec(http("survey results").get("/surveys/#{survey}/results")
                                    .check(status().is(200), substring("\"survey\":").exists())));

    {
        setUp(respondent.injectClosed(constantConcurrentUsers(SimulationSettings.USERS).during(SimulationSettings.DURATION)))
                .protocols(SimulationSettings.protocol())
                .assertions(global().failedRequests().count().is(0L), global().successfulRequests().count().gt(0L));
    }

    /** After a page: the done page ends the survey; any other page gets its answers, as the next form to post. */
    private static Session nextForm(Session session) {
        var location = session.contains("location") ? session.getString("location") : "";
        var html = session.getString("html");
        if (location.contains("/done?")) {
            return session.set("done", true);
        }
        try {
            var page = SurveyRobot.parse(html);
            var form = new StringBuilder("response=").append(SurveyRobot.encode(page.response()))
                    .append("&csrf=").append(SurveyRobot.encode(page.csrf()));
            session.<SurveyAnswers>get("answers").append(page, form);
            return session.set("action", page.action()).set("form", form.toString());
        } catch (SurveyRobot.Failure unreadable) {
            return session.set("done", true);
        }
    }
}
