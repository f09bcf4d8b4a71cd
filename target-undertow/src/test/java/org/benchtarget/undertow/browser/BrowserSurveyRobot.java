package org.benchtarget.undertow.browser;

import org.benchtarget.bench.survey.SurveyAnswers;
import org.benchtarget.bench.survey.SurveyRobot;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seed 001's browser robot in a real browser: opens a survey, reads each page's questions from the
 * form, answers them with the same dummy data as bench's HTTP robot ({@link SurveyAnswers}) by clicking
 * and typing, submits, and ends on the done page. Asked to, it first submits one wrong answer and checks
 * that the page comes back with the error next to that field and every other answer kept.
 * Not thread-safe: one robot per browser.
 */
public final class BrowserSurveyRobot {
    private static final String READ_PAGE = """
            const form = document.querySelector('form.survey');
            if (!form) return null;
            return {
              action: form.getAttribute('action'),
              response: form.elements['response'].value,
              csrf: form.elements['csrf'].value,
              questions: [...form.querySelectorAll('fieldset.question')].map(q => ({
                name: q.dataset.field, kind: q.dataset.kind, required: q.dataset.required === 'true',
                min: +q.dataset.min, max: +q.dataset.max, maxLength: +q.dataset.maxlength,
                options: [...q.querySelectorAll('input[type=radio], input[type=checkbox]')].map(i => i.value),
                values: [...q.querySelectorAll('input:checked, input[type=number], textarea')].map(i => i.value).filter(v => v !== ''),
                error: q.querySelector('p.error')?.textContent ?? null
              }))
            };""";

    private final Browser browser;
    private final String base;
    private final SurveyAnswers answers;

    public BrowserSurveyRobot(Browser browser, String base, long seed) {
        this.browser = browser;
        this.base = base.replaceAll("/+$", "");
        this.answers = new SurveyAnswers(new SplittableRandom(seed));
    }

    /** A completed survey: where it ended, pages and answers given, the wrong answer tried (or null), how long it took. */
    public record Completion(int surveyId, String doneUrl, int pages, int answers, WrongAnswer wrongAnswer, Duration took) {
    }

    /** The wrong answer tried first: the field, what was given, the message shown beside it, how many other answers were kept. */
    public record WrongAnswer(String field, String given, String message, int keptAnswers) {
    }

    /** One question as read from the page, with the values it holds now and its error message, if any. */
    record Question(SurveyRobot.Field field, List<String> values, String error) {
    }

    /** Completes survey {@code surveyId} from its first page. */
    public Completion complete(int surveyId, boolean wrongAnswerFirst) throws SurveyRobot.Failure {
        long began = System.nanoTime();
        browser.open(base + "/surveys/" + surveyId);
        WrongAnswer wrong = null;
        int pages = 0;
        int given = 0;
        var questions = read();
        while (questions != null) {
            var plan = answers.choose(questions.stream().map(Question::field).toList());
            if (wrongAnswerFirst && wrong == null) {
                wrong = tryWrongAnswer(questions, plan);
                questions = read();
            }
            fill(questions, plan);
            browser.submitWith(browser.driver().findElement(By.cssSelector("form.survey button[type=submit]")));
            pages++;
            given += plan.size();
            questions = read();
            if (questions != null && questions.stream().anyMatch(question -> question.error() != null)) {
                throw new SurveyRobot.Failure("survey " + surveyId + ": valid answers refused: " + errors(questions));
            }
        }
        var done = browser.driver().getCurrentUrl();
        var heading = browser.driver().findElement(By.tagName("h1")).getText();
        if (!done.contains("/surveys/" + surveyId + "/done?response=") || !heading.equals("Thank you")) {
            throw new SurveyRobot.Failure("survey " + surveyId + ": ended on " + done + " (" + heading + "), not its done page");
        }
        return new Completion(surveyId, done, pages, given, wrong, Duration.ofNanos(System.nanoTime() - began));
    }

    /** Submits the page with one answer wrong and checks the page that comes back; {@code plan} is left to fill in. */
    private WrongAnswer tryWrongAnswer(List<Question> questions, Map<String, List<String>> plan) throws SurveyRobot.Failure {
        var target = questions.stream().map(Question::field).filter(field -> field.kind().equals("number")).findFirst()
                .or(() -> questions.stream().map(Question::field).filter(SurveyRobot.Field::required).findFirst())
                .orElseThrow(() -> new SurveyRobot.Failure("a page with no number and no required question: no wrong answer to give"));
        var wrongPlan = new LinkedHashMap<>(plan);
        // a number out of its range, or a required question left empty
        var given = target.kind().equals("number") ? List.of(Integer.toString(target.max() + 1)) : List.<String>of();
        wrongPlan.put(target.name(), given);
        fill(questions, wrongPlan);
        browser.submitWith(browser.driver().findElement(By.cssSelector("form.survey button[type=submit]")));
        var back = read();
        if (back == null) {
            throw new SurveyRobot.Failure("a wrong answer to " + target.name() + " was accepted: " + browser.driver().getCurrentUrl());
        }
        var flagged = back.stream().filter(question -> question.field().name().equals(target.name())).findFirst().orElse(null);
        if (flagged == null || flagged.error() == null || flagged.error().isBlank()) {
            throw new SurveyRobot.Failure("no message next to " + target.name() + " after a wrong answer: " + errors(back));
        }
        if (back.stream().filter(question -> question.error() != null).count() != 1) {
            throw new SurveyRobot.Failure("messages next to other fields than " + target.name() + ": " + errors(back));
        }
        var message = browser.driver().findElement(By.cssSelector("#" + target.name() + "-question p.error"));
        if (!message.isDisplayed()) {
            throw new SurveyRobot.Failure("the message next to " + target.name() + " is not shown");
        }
        for (var input : browser.driver().findElements(By.name(target.name()))) {
            if (!Objects.equals(message.getDomAttribute("id"), input.getDomAttribute("aria-describedby"))) {
                throw new SurveyRobot.Failure(target.name() + "'s input does not point at its message (aria-describedby)");
            }
        }
        int kept = 0;
        for (var question : back) {
            var name = question.field().name();
            var expected = wrongPlan.getOrDefault(name, List.of());
            if (!question.values().equals(expected)) {
                throw new SurveyRobot.Failure("after the wrong answer, " + name + " holds " + question.values() + ", not " + expected);
            }
            kept += name.equals(target.name()) || expected.isEmpty() ? 0 : 1;
        }
        return new WrongAnswer(target.name(), given.isEmpty() ? "(empty)" : given.get(0), flagged.error(), kept);
    }

    /** Returns the questions of the page on screen, or null when it is no survey page. */
    @SuppressWarnings("unchecked")
    private List<Question> read() {
        var page = (Map<String, Object>) browser.script(READ_PAGE);
        if (page == null) {
            return null;
        }
        var questions = new ArrayList<Question>();
        for (var raw : (List<Map<String, Object>>) page.get("questions")) {
            var field = new SurveyRobot.Field((String) raw.get("name"), (String) raw.get("kind"), (Boolean) raw.get("required"),
                    ((Number) raw.get("min")).intValue(), ((Number) raw.get("max")).intValue(), ((Number) raw.get("maxLength")).intValue(),
                    (List<String>) raw.get("options"));
            questions.add(new Question(field, (List<String>) raw.get("values"), (String) raw.get("error")));
        }
        return questions;
    }

    /** Makes every question hold exactly the planned values, as a person would: clicking and typing where they differ. */
    private void fill(List<Question> questions, Map<String, List<String>> plan) {
        for (var question : questions) {
            var name = question.field().name();
            var wanted = plan.getOrDefault(name, List.of());
            var now = question.values();
            if (question.field().options().isEmpty()) {
                if (!now.equals(wanted)) {
                    var input = browser.driver().findElement(By.name(name));
                    input.clear();
                    if (!wanted.isEmpty()) {
                        input.sendKeys(wanted.get(0));
                    }
                }
                continue;
            }
            boolean radio = !question.field().kind().equals("multiple");
            for (var option : question.field().options()) {
                // a click ticks a radio but cannot untick it; a page starts with none ticked
                if (now.contains(option) != wanted.contains(option) && !(radio && now.contains(option))) {
                    browser.driver().findElement(By.cssSelector("input[name='" + name + "'][value='" + option + "']")).click();
                }
            }
        }
    }

    private static String errors(List<Question> questions) {
        return questions.stream().filter(question -> question.error() != null)
                .map(question -> question.field().name() + ": " + question.error()).toList().toString();
    }
}
