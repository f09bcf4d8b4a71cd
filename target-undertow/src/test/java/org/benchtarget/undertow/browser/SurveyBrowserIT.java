package org.benchtarget.undertow.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001 in a real browser: the robot completes each of the seven surveys with generated answers,
 * giving one wrong answer first (the page comes back with the message next to that field and every
 * other answer kept), and reaches the done page; the target then counts one completion per survey.
 */
class SurveyBrowserIT {
    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession();

    private final Browser browser = SESSION.browser();

    @Test
    void theRobotCompletesEverySurveyAfterAWrongAnswer() throws Exception {
        browser.open(SESSION.url("/surveys"));
        PageChecks.loadedCleanly(browser);
        var links = browser.driver().findElements(By.cssSelector("table.surveys td:first-child a"));
        var ids = links.stream().map(link -> Integer.parseInt(link.getDomAttribute("href").replace("/surveys/", ""))).toList();
        assertThat(ids).hasSize(7);
        browser.screenshot("surveys");

        var robot = new BrowserSurveyRobot(browser, SESSION.url("/"), 1);
        var total = Duration.ZERO;
        for (int id : ids) {
            var completion = robot.complete(id, true);
            total = total.plus(completion.took());
            System.out.printf("browser robot: survey %d, %d pages, %d answers, wrong %s=%s (\"%s\"; other answers kept: %d) in %d ms%n",
                    id, completion.pages(), completion.answers(), completion.wrongAnswer().field(), completion.wrongAnswer().given(),
                    completion.wrongAnswer().message(), completion.wrongAnswer().keptAnswers(), completion.took().toMillis());
            assertThat(completion.pages()).isBetween(2, 4);
            assertThat(completion.wrongAnswer().message()).isNotBlank();
            // the wrong answer's 400 is the only answer that is not a success (chromium logs it in the console)
            assertThat(browser.consoleErrors()).as("console errors in survey %d", id).singleElement().asString()
                    .contains("/surveys/" + id + "/pages/", "status of 400");
            assertThat(browser.requests()).filteredOn(NetworkLog.Request::failed).singleElement()
                    .satisfies(request -> assertThat(request.status()).isEqualTo(400))
                    .satisfies(request -> assertThat(request.url()).contains("/surveys/" + id + "/pages/"));
            assertThat(results(id)).as("results of survey %d", id).contains("\"completed\":1");
        }
        System.out.printf("browser robot: seven surveys, each with one wrong answer first, in %d ms%n", total.toMillis());
        browser.screenshot("survey-done");
    }

    @Test
    void anEmptyPageShowsAMessageNextToEachRequiredQuestion() {
        for (var viewport : List.of("desktop", "phone")) {
            if (viewport.equals("phone")) {
                browser.phone();
            }
            browser.open(SESSION.url("/surveys/3"));
            PageChecks.loadedCleanly(browser);
            PageChecks.wellFormed(browser);
            PageChecks.fitsViewport(browser);
            browser.screenshot(viewport.equals("phone") ? "phone-survey" : "survey");
            int required = browser.driver().findElements(By.cssSelector("fieldset.question[data-required=true]")).size();
            assertThat(required).isPositive();
            browser.submitWith(browser.driver().findElement(By.cssSelector("form.survey button[type=submit]")));
            var messages = browser.driver().findElements(By.cssSelector("fieldset.question.invalid p.error"));
            assertThat(messages).hasSize(required).extracting(WebElement::getText).allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(browser.driver().findElement(By.cssSelector("p.form-error")).isDisplayed()).isTrue();
            assertThat(browser.consoleErrors()).singleElement().asString().contains("/surveys/3/pages/1", "status of 400");
            PageChecks.fitsViewport(browser);
            browser.screenshot(viewport.equals("phone") ? "phone-survey-errors" : "survey-errors");
            browser.requests();
        }
    }

    private static String results(int id) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create(SESSION.url("/surveys/" + id + "/results"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }
}
