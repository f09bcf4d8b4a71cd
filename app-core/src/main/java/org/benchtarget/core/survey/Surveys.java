package org.benchtarget.core.survey;

import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.benchtarget.core.web.Csrf;
import org.benchtarget.core.web.Forms;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.Pages;
import org.benchtarget.core.web.QueryParams;
import org.benchtarget.core.web.Signer;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Seed 001: anonymous respondents complete multi-page surveys. {@code GET /surveys/{id}} starts a
 * response (a signed token, nothing stored); each valid page POST adds its answers to the draft
 * in the database; the last page writes the whole response once and removes the draft. Out of
 * order: a page POSTed before the pages before it is a 409; a page GET is a 303 to the first
 * incomplete page. The entry point adapters call; thread-safe.
 */
public final class Surveys implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Surveys.class);
    /** Two requests racing on one draft: the loser re-reads and tries again, this many times in all. */
    private static final int ATTEMPTS = 3;

    private final SurveyDefinitions definitions;
    private final Drafts drafts;
    private final ResponseStores responses;
    private final ResponseStore store;
    private final ResponseTokens tokens;
    private final Csrf csrf;
    private final TemplateEngine templates;
    private final Duration draftTtl;
    private final Counter completed;
    private final Counter repeated;
    private ScheduledExecutorService sweeper;

    public Surveys(DataSource dataSource, TemplateEngine templates, Signer signer, boolean cacheData, Duration draftTtl,
                   Clock clock, MeterRegistry registry) {
        this(dataSource, templates, signer, cacheData, draftTtl, clock, registry, ResponseStores.sql(dataSource, clock));
    }

    /** As above, completed responses in {@code responses} (survey.store), which this closes with itself. */
    public Surveys(DataSource dataSource, TemplateEngine templates, Signer signer, boolean cacheData, Duration draftTtl,
                   Clock clock, MeterRegistry registry, ResponseStores responses) {
        this.definitions = new SurveyDefinitions(dataSource, cacheData, registry);
        this.drafts = new Drafts(dataSource, draftTtl, clock);
        this.responses = responses;
        this.store = responses.store();
        this.tokens = new ResponseTokens(signer);
        this.csrf = new Csrf(signer);
        this.templates = templates;
        this.draftTtl = draftTtl;
        this.completed = Counter.builder("surveys.completed").description("survey responses stored").register(registry);
        this.repeated = Counter.builder("surveys.completed.repeated").description("last pages submitted again: nothing stored").register(registry);
    }

    /** GET /surveys. */
    public WebResult list() throws SQLException {
        return html(200, "survey/list.jte", definitions.all());
    }

    /** GET /surveys/{id}: page 1 with a new response token; stores nothing. */
    public WebResult start(long surveyId) throws SQLException {
        var survey = definitions.get(surveyId);
        var token = tokens.issue(survey.id());
        return renderPage(200, survey, survey.page(1), token, Map.of(), Map.of());
    }

    /** GET /surveys/{id}/pages/{n}?response=...: the page with the answers kept so far. */
    public WebResult page(long surveyId, long pageNo, QueryParams query) throws SQLException {
        var survey = definitions.get(surveyId);
        var page = page(survey, pageNo);
        var token = tokens.check(survey.id(), query.single(SurveyPageForm.RESPONSE_FIELD));
        var draft = drafts.read(token);
        if (page.number() > draft.pagesDone() + 1) {
            return redirect(store.isCompleted(survey.id(), token) ? doneUrl(survey, token) : pageUrl(survey, draft.pagesDone() + 1, token));
        }
        return renderPage(200, survey, page, token, draft.answers().values(), Map.of());
    }

    /** POST /surveys/{id}/pages/{n}: CSRF + response + the page's answers. */
    public WebResult submit(long surveyId, long pageNo, WebRequest request) throws IOException, SQLException {
        var survey = definitions.get(surveyId);
        var page = page(survey, pageNo);
        var form = Forms.read(request);
        var token = tokens.check(survey.id(), form.single(SurveyPageForm.RESPONSE_FIELD));
        csrf.check(token, form.single(Csrf.FIELD));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var draft = drafts.read(token);
            if (page.number() > draft.pagesDone() + 1) {
                if (store.isCompleted(survey.id(), token)) {
                    repeated.increment();
                    return redirect(doneUrl(survey, token));
                }
                throw new HttpProblem(409, "page " + page.number() + " comes after page " + (draft.pagesDone() + 1)
                        + ": post that page first (drafts expire after " + draftTtl.toString().substring(2).toLowerCase(Locale.ROOT) + ")");
            }
            var outcome = SurveyPageForm.read(page, form);
            if (!outcome.valid()) {
                return renderPage(400, survey, page, token, outcome.given(), outcome.errors());
            }
            var answers = draft.answers().with(page, outcome.answers());
            if (survey.isLast(page)) {
                if (store.complete(survey, token, answers) == ResponseStore.Outcome.STORED) {
                    completed.increment();
                } else {
                    repeated.increment();
                }
                return redirect(doneUrl(survey, token));
            }
            if (draft.storedPagesDone() == null && store.isCompleted(survey.id(), token)) {
                repeated.increment();
                return redirect(doneUrl(survey, token)); // page 1 of a completed response: no new draft
            }
            if (drafts.save(survey.id(), token, draft, Math.max(draft.pagesDone(), page.number()), answers)) {
                return redirect(pageUrl(survey, page.number() + 1, token));
            }
        }
        throw new HttpProblem(409, "the response changed while this page was saved: submit the page again");
    }

    /** GET /surveys/{id}/done?response=...: the thank-you page of a completed response. */
    public WebResult done(long surveyId, QueryParams query) throws SQLException {
        var survey = definitions.get(surveyId);
        var token = tokens.check(survey.id(), query.single(SurveyPageForm.RESPONSE_FIELD));
        if (!store.isCompleted(survey.id(), token)) {
            throw new HttpProblem(404, "no completed response with this token in survey " + survey.id());
        }
        return html(200, "survey/done.jte", survey);
    }

    /** GET /surveys/{id}/results: completions and per-question tallies as JSON. */
    public WebResult results(long surveyId) throws SQLException {
        var survey = definitions.get(surveyId);
        return WebResult.ok(WebResult.JSON, SurveyResults.json(survey, store.tallies(survey)));
    }

    /** Deletes abandoned drafts now; returns how many. */
    public int sweepExpiredDrafts() throws SQLException {
        return drafts.sweep();
    }

    /** Sweeps abandoned drafts in the background, every quarter of their time to live (1 s to 10 min). */
    public synchronized void startSweeping() {
        if (sweeper != null) {
            return;
        }
        long period = Math.clamp(draftTtl.toMillis() / 4, 1_000L, 600_000L);
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().daemon().name("survey-draft-sweep").unstarted(task));
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            int swept = drafts.sweep();
            if (swept > 0) {
                LOG.debug("deleted {} abandoned survey drafts", swept);
            }
        } catch (Exception e) {
            // the database may be away for a while; the next sweep catches up
            LOG.warn("sweeping abandoned survey drafts failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        responses.close();
    }

    private static SurveyPage page(Survey survey, long pageNo) {
        var page = survey.page(pageNo);
        if (page == null) {
            throw new HttpProblem(404, "survey " + survey.id() + " has no page " + pageNo);
        }
        return page;
    }

    private WebResult renderPage(int status, Survey survey, SurveyPage page, String token,
                                 Map<Integer, List<String>> given, Map<Integer, String> errors) {
        return html(status, "survey/page.jte", new PageView(survey, page, token, csrf.token(token), given, errors));
    }

    private WebResult html(int status, String template, Object model) {
        return new WebResult(status, WebResult.HTML, List.of(), Pages.render(templates, template, model));
    }

    private static String pageUrl(Survey survey, int pageNo, String token) {
        return "/surveys/" + survey.id() + "/pages/" + pageNo + "?response=" + token;
    }

    private static String doneUrl(Survey survey, String token) {
        return "/surveys/" + survey.id() + "/done?response=" + token;
    }

    private static WebResult redirect(String location) {
        return WebResult.empty(303, List.of(new Header("Location", location)));
    }
}
