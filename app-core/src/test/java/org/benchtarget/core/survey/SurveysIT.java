package org.benchtarget.core.survey;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;
import org.benchtarget.core.web.Signer;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drafts across "processes" (two Surveys on one database) and their expiry, on H2 and PostgreSQL, time from a settable clock. */
class SurveysIT {
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final byte[] KEY = "survey-test-key".getBytes(StandardCharsets.UTF_8);
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.benchtarget.core.templates");
    private static final Pattern TOKEN = Pattern.compile("name=\"response\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A clock the test moves forward. */
    static final class SettableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Surveys surveys(DataSource dataSource, Clock clock) {
        return new Surveys(dataSource, TEMPLATES, new Signer(KEY), false, TTL, clock, new SimpleMeterRegistry());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anotherProcessTakesTheNextPageAndCompletes(DbKind kind) throws Exception {
        var clock = new SettableClock();
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            var survey = new SurveyDefinitions(dataSource, false, new SimpleMeterRegistry()).get(3);
            var first = surveys(dataSource, clock);
            var start = body(first.start(3));
            var token = find(TOKEN, start);
            var csrf = find(CSRF, start);
            assertThat(post(first, survey, 1, token, csrf).status()).isEqualTo(303);
            first.close();

            var second = surveys(dataSource, clock); // as after a restart, or in another process
            var page2 = second.page(3, 2, QueryParams.parse("response=" + token));
            assertThat(page2.status()).isEqualTo(200);
            for (int page = 2; page <= survey.pages().size(); page++) {
                var result = post(second, survey, page, token, csrf);
                assertThat(result.status()).isEqualTo(303);
                assertThat(result.header("Location")).isEqualTo(page < survey.pages().size()
                        ? "/surveys/3/pages/" + (page + 1) + "?response=" + token : "/surveys/3/done?response=" + token);
            }
            assertThat(count(dataSource, "SELECT COUNT(*) FROM survey_response")).isEqualTo(1);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM survey_draft")).isZero();
            assertThat(second.done(3, QueryParams.parse("response=" + token)).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anAbandonedDraftExpiresAndIsSwept(DbKind kind) throws Exception {
        var clock = new SettableClock();
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            var survey = new SurveyDefinitions(dataSource, false, new SimpleMeterRegistry()).get(2);
            var surveys = surveys(dataSource, clock);
            var old = body(surveys.start(2));
            assertThat(post(surveys, survey, 1, find(TOKEN, old), find(CSRF, old)).status()).isEqualTo(303);
            clock.advance(TTL.minusMinutes(10));
            var fresh = body(surveys.start(2));
            assertThat(post(surveys, survey, 1, find(TOKEN, fresh), find(CSRF, fresh)).status()).isEqualTo(303);
            assertThat(surveys.sweepExpiredDrafts()).as("nothing is older than the TTL yet").isZero();

            clock.advance(Duration.ofMinutes(11));
            assertThatThrownBy(() -> post(surveys, survey, 2, find(TOKEN, old), find(CSRF, old))).as("page 2 of an expired draft")
                    .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status()).isEqualTo(409));
            var redirect = surveys.page(2, 2, QueryParams.parse("response=" + find(TOKEN, old)));
            assertThat(redirect.status()).isEqualTo(303);
            assertThat(redirect.header("Location")).isEqualTo("/surveys/2/pages/1?response=" + find(TOKEN, old));
            assertThat(post(surveys, survey, 2, find(TOKEN, fresh), find(CSRF, fresh)).status()).as("the fresh draft lives").isEqualTo(303);

            assertThat(surveys.sweepExpiredDrafts()).isEqualTo(1);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM survey_draft")).isEqualTo(1);
            assertThat(post(surveys, survey, 1, find(TOKEN, old), find(CSRF, old)).status()).as("starting over works").isEqualTo(303);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aTokenSignedWithAnotherKeyIsRefused(DbKind kind) throws Exception {
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            var other = new Surveys(dataSource, TEMPLATES, new Signer("another key".getBytes(StandardCharsets.UTF_8)), false, TTL,
                    Clock.systemUTC(), new SimpleMeterRegistry());
            var token = find(TOKEN, body(other.start(1)));
            var surveys = surveys(dataSource, Clock.systemUTC());
            assertThatThrownBy(() -> surveys.page(1, 1, QueryParams.parse("response=" + token)))
                    .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
        }
    }

    /** Posts valid answers to every question of the page. */
    private static WebResult post(Surveys surveys, Survey survey, int page, String token, String csrf) throws Exception {
        var form = new StringBuilder("response=" + token + "&csrf=" + csrf);
        for (var question : survey.page(page).questions()) {
            form.append('&').append(question.field()).append('=').append(switch (question.kind()) {
                case SINGLE, MULTIPLE, RATING -> "1";
                case NUMBER -> Integer.toString(question.min());
                case TEXT -> "fine";
            });
        }
        return surveys.submit(survey.id(), page, new FormRequest(form.toString()));
    }

    private record FormRequest(String form) implements WebRequest {
        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return "/";
        }

        @Override
        public String rawQuery() {
            return null;
        }

        @Override
        public String header(String name) {
            return name.equalsIgnoreCase("Content-Type") ? "application/x-www-form-urlencoded" : null;
        }

        @Override
        public byte[] body(int limit) {
            return form.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static String body(WebResult result) {
        return new String(result.body().bytes(), StandardCharsets.UTF_8);
    }

    private static String find(Pattern pattern, String html) {
        var matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("pattern %s", pattern).isTrue();
        return matcher.group(1);
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
