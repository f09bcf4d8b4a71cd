package org.benchtarget.bench.run.load;

import org.benchtarget.bench.survey.SurveyAnswers;
import org.benchtarget.bench.survey.SurveyRobot;

import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 001's user: completes the seven surveys in turn with valid dummy answers, page by page
 * (POST, then the GET it redirects to). A journey succeeds when every survey reached its done page.
 */
final class SevenSurveysJourney implements Journey {
    private final int surveys;

    SevenSurveysJourney(Map<String, String> parameters) {
        this.surveys = Integer.parseInt(parameters.getOrDefault("surveys", "7"));
    }

    @Override
    public boolean run(HttpSession session) throws IOException {
        var answers = new SurveyAnswers(new SplittableRandom(ThreadLocalRandom.current().nextLong()));
        for (int id = 1; id <= surveys; id++) {
            if (!complete(session, answers, id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean complete(HttpSession session, SurveyAnswers answers, int surveyId) throws IOException {
        var start = session.get("/surveys/" + surveyId);
        if (start.status() != 200) {
            return false;
        }
        try {
            var page = SurveyRobot.parse(start.body());
            while (true) {
                var form = new StringBuilder("response=").append(SurveyRobot.encode(page.response()))
                        .append("&csrf=").append(SurveyRobot.encode(page.csrf()));
                answers.append(page, form);
                var posted = session.postEncoded(page.action(), form.toString());
                if (posted.status() != 303 || posted.location() == null) {
                    return false;
                }
                var next = session.get(posted.location());
                if (next.status() != 200) {
                    return false;
                }
                if (posted.location().contains("/done?")) {
                    return true;
                }
                page = SurveyRobot.parse(next.body());
            }
        } catch (SurveyRobot.Failure unreadable) {
            return false;
        }
    }
}
