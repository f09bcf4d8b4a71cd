package org.benchtarget.core;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.Gauge;
import org.benchtarget.core.auth.Logins;
import org.benchtarget.core.auth.Sessions;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.Modes;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.db.DatabaseWait;
import org.benchtarget.core.db.SecretStore;
import org.benchtarget.core.db.StatementCounter;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.BenchGuard;
import org.benchtarget.core.fixture.Delays;
import org.benchtarget.core.fixture.FixtureTimer;
import org.benchtarget.core.fixture.Streams;
import org.benchtarget.core.fixture.HealthSwitch;
import org.benchtarget.core.fixture.Readiness;
import org.benchtarget.core.fixture.RunWindows;
import org.benchtarget.core.fixture.StatusCodes;
import org.benchtarget.core.hello.Hello;
import org.benchtarget.core.home.HomePage;
import org.benchtarget.core.ops.Health;
import org.benchtarget.core.ops.Info;
import org.benchtarget.core.ops.Metrics;
import org.benchtarget.core.payload.Bytes;
import org.benchtarget.core.row.Rows;
import org.benchtarget.core.survey.ResponseStores;
import org.benchtarget.core.survey.Surveys;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.core.wall.Walls;
import org.benchtarget.core.web.Csrf;
import org.benchtarget.core.web.HttpDate;
import org.benchtarget.core.web.AsyncEndpoint;
import org.benchtarget.core.web.QueryParams;
import org.benchtarget.core.web.Responder;
import org.benchtarget.core.web.RequestPath;
import org.benchtarget.core.web.Route;
import org.benchtarget.core.web.Routes;
import org.benchtarget.core.web.Signer;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;
import org.benchtarget.db.Database;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;

/**
 * The composition root: Settings in, the whole application out (pool, migrations, seed, features, routes, the
 * {@link RequestPipeline}). Adapters call {@link #resolve} (to decide where to run a request) and then
 * {@link #handle}, which the pipeline serves the same way for every target. Thread-safe once created.
 */
public final class App implements AutoCloseable {
    /** Responses from this size up are gzip candidates (CONTRACT: at least 1 KiB). */
    public static final int GZIP_MIN_BYTES = 1024;

    private final Settings settings;
    private final HikariDataSource pool;
    private final Metrics metrics;
    private final Info info;
    private final String serverHeader;
    private final Signer signer;
    private final HttpDate httpDate;
    private final RunWindows windows;
    private final Readiness readiness;
    private final Surveys surveys;
    private final HealthSwitch healthSwitch;
    private final FixtureTimer fixtureTimer = new FixtureTimer();
    private final RequestPipeline pipeline;
    /** tls=on: the identity the adapter's listener serves with; null otherwise. */
    private final ServerTls tls;

    private App(Settings settings, Clock clock, ServerTls tls) {
        this.settings = settings;
        this.serverHeader = "benchtarget-" + settings.target();
        this.tls = tls;
        this.httpDate = new HttpDate(clock);
        var statements = new StatementCounter();
        this.metrics = new Metrics(statements);
        this.pool = Database.open(settings.db(), hikari -> {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
            hikari.setConnectionTimeout(settings.dbPoolTimeout().toMillis());
        });
        Migrations.migrate(settings.db());
        Seeder.standard().seedIfNeeded(pool);
        DataSource counted = statements.wrap(pool);
        this.signer = new Signer(SecretStore.signingKey(pool, settings.secret()));
        var build = BuildInfo.load();
        this.info = new Info(settings, build.version(), Instant.now(clock));
        if (tls != null) {
            info.put("tlsFingerprint", tls.fingerprint());
            info.put("tlsSpkiSha256", tls.spkiSha256());
            info.put("tlsCertFile", tls.certFile().toString());
            System.out.println(tls.describe());
        }
        this.windows = new RunWindows(settings.fixture().windowToken(), settings.host());
        this.healthSwitch = new HealthSwitch(new BenchGuard(settings.fixture().windowToken(), settings.host()));
        this.readiness = new Readiness(settings.fixture());
        Gauge.builder("bench.fixture.timers", fixtureTimer, FixtureTimer::scheduled)
                .description("fixture waits queued on the timer (delays, and streams between chunks)")
                .register(metrics.registry());
        var templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.benchtarget.core.templates");
        var responses = ResponseStores.open(CassandraSettings.of(settings), counted, clock);
        this.surveys = new Surveys(counted, templates, signer, settings.cache().data(), settings.surveyDraftTtl(), clock, metrics.registry(), responses);
        surveys.startSweeping();
        var fixture = settings.fixture();
        var delays = new Delays(fixtureTimer, fixture.injectSeed(), fixture.injectMaxDelay());
        var routes = routes(delays, new Streams(fixtureTimer), new Hello(clock), new Rows(counted, settings.cache().data(), metrics.registry()),
                StaticFiles.load(build.time()), new HomePage(templates, settings.cache() == Modes.Cache.PAGE),
                new Health(counted, responses.health()), logins(counted, templates, clock), walls(counted, templates, clock));
        this.pipeline = new RequestPipeline(settings, routes, statements, metrics, windows, readiness);
    }

    /** Opens the database (migrating and seeding it when needed) and builds every feature. */
    public static App create(Settings settings) {
        return create(settings, Clock.systemDefaultZone());
    }

    /**
     * As {@link #create(Settings)}, on {@code clock} (Date, /hello, sessions): tests set the day of the month. A database
     * that cannot be opened yet is waited for up to db.wait ({@link DatabaseWait}).
     */
    public static App create(Settings settings, Clock clock) {
        // first, and once: a bad certificate stops the start before the database is opened. Container mode's TLS is
        // jetty-home's: bench serve hands the web app the files it gave Jetty, read here only for /info.
        var tlsSettings = TlsSettings.of(settings);
        boolean container = settings.mode() == Modes.Mode.CONTAINER;
        var tls = tlsSettings.enabled() && (!container || !tlsSettings.selfSigned()) ? ServerTls.create(tlsSettings, settings.host()) : null;
        return DatabaseWait.start(settings, () -> new App(settings, clock, tls));
    }

    private Logins logins(DataSource counted, TemplateEngine templates, Clock clock) {
        return new Logins(counted, templates, new Sessions(signer, clock), new Csrf(signer));
    }

    private Walls walls(DataSource counted, TemplateEngine templates, Clock clock) {
        return new Walls(counted, templates, new Sessions(signer, clock), new Csrf(signer), settings.wallQueries(),
                settings.cache().data(), metrics.registry(), clock);
    }

    private Routes routes(Delays delays, Streams streams, Hello hello, Rows rows, StaticFiles files, HomePage home, Health health, Logins logins, Walls walls) {
        return Routes.builder()
                .get("/hello", "hello", false, (request, params) -> WebResult.ok(WebResult.TEXT, hello.body()))
                .get("/db", "db", true, (request, params) -> rows.row(QueryParams.ofQuery(request.rawQuery())))
                // anonymous visitors never touch the database (nor get a signed-in page from cache=page)
                .add("GET", "/", "home", Sessions.CARRIES_COOKIE, (request, params) -> walls.home(request).orElseGet(home::anonymous))
                .add("GET", "/login", "login", Logins.TOUCHES_DB, logins::form)
                .add("POST", "/login", "login", Logins.TOUCHES_DB, logins::login)
                .post("/logout", "logout", true, logins::logout)
                .get("/wall/{id}", "wall", true, walls::show)
                .post("/wall/{id}/items", "wall-post", true, walls::post)
                .post("/wall/{id}/items/{item}/remove", "wall-remove", true, walls::remove)
                .get("/hello.txt", "hello.txt", false, (request, params) -> files.serve("/hello.txt", request))
                .get("/static/*", "static", false, (request, params) -> files.serve("/static/" + params.values().get(0), request))
                .get("/surveys", "surveys", true, (request, params) -> surveys.list())
                .get("/surveys/{id}", "survey-start", true, (request, params) -> surveys.start(params.id(0)))
                .get("/surveys/{id}/pages/{n}", "survey-page", true, (request, params) -> surveys.page(params.id(0), params.id(1), QueryParams.ofQuery(request.rawQuery())))
                .post("/surveys/{id}/pages/{n}", "survey-page", true, (request, params) -> surveys.submit(params.id(0), params.id(1), request))
                .get("/surveys/{id}/done", "survey-done", true, (request, params) -> surveys.done(params.id(0), QueryParams.ofQuery(request.rawQuery())))
                .get("/surveys/{id}/results", "survey-results", true, (request, params) -> surveys.results(params.id(0)))
                .get("/health", "health", true, (request, params) -> healthSwitch.isDown() ? healthSwitch.health() : health.check())
                .get("/metrics", "metrics", false, (request, params) -> metrics.scrape())
                .get("/info", "info", false, (request, params) -> info.render())
                .get("/ready", "ready", false, (request, params) -> healthSwitch.isDown() ? healthSwitch.ready() : readiness.check())
                .get("/bytes/{n}", "bytes", false, (request, params) -> Bytes.answer(params.values().get(0), QueryParams.ofQuery(request.rawQuery())))
                .add("GET", "/status/{code}", "status", Route.SAYS_NO_QUERIES, (request, params) -> StatusCodes.answer(params.values().get(0), QueryParams.ofQuery(request.rawQuery())))
                .add("GET", "/delay/{spec}", "delay", Route.SAYS_NO_QUERIES, (AsyncEndpoint) delays::start)
                .add("GET", "/stream/{n}", "stream", Route.SAYS_NO_QUERIES, (AsyncEndpoint) streams::stream)
                .add("GET", "/events", "events", Route.SAYS_NO_QUERIES, (AsyncEndpoint) streams::events)
                .post("/bench/health/down", "health-toggle", false, (request, params) -> healthSwitch.down(request))
                .post("/bench/health/up", "health-toggle", false, (request, params) -> healthSwitch.up(request))
                .post("/bench/window", "window", false, (request, params) -> windows.start(request))
                .add("DELETE", "/bench/window", "window", Route.NEVER, (request, params) -> windows.end(request))
                .build();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Returns the TLS identity when tls=on, else null. In container mode jetty-home serves TLS from a key store; the
     * identity here is the same certificate, for /info.
     */
    public ServerTls tls() {
        return tls;
    }

    public Info info() {
        return info;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Returns the {@code Server} header value every response carries, e.g. {@code benchtarget-undertow}. */
    public String serverHeader() {
        return serverHeader;
    }

    /** Returns the current {@code Date} header value (adapters whose server caches its own use this). */
    public String httpDate() {
        return httpDate.now();
    }

    /**
     * Routes a request by its raw path ({@link WebRequest#path()}) under the one path rule of
     * {@link RequestPath}: a path the rule refuses is a 400 with its reason, unrouted.
     */
    public Routes.Match resolve(String method, String rawPath) {
        return pipeline.resolve(method, rawPath);
    }

    /** Returns whether serving this request may block, on the database or an injected delay (so not on an IO thread). */
    public boolean mayBlock(Routes.Match match, WebRequest request) {
        return pipeline.mayBlock(match, request);
    }

    /** Returns whether this request is answered later, through {@link #handleAsync} (/delay, /stream, /events). */
    public boolean isAsync(Routes.Match match) {
        return pipeline.isAsync(match);
    }

    /**
     * Starts an asynchronous answer ({@link #isAsync}): bad input is answered at once, the rest later from the fixture
     * timer through {@code responder}, with the headers {@link #handle} adds. Never blocks; call it from any thread.
     */
    public void handleAsync(Routes.Match match, WebRequest request, Responder responder) {
        pipeline.handleAsync(match, request, responder);
    }

    /**
     * Serves a resolved request. Never throws: bad input is a 4xx, an outage 503, a fault 500. Adds
     * the headers every target sends alike (X-Query-Count, Vary, X-Bench-Mode, Server-Timing).
     */
    public WebResult handle(Routes.Match match, WebRequest request) {
        return pipeline.handle(match, request);
    }

    @Override
    public void close() {
        fixtureTimer.close();
        surveys.close();
        pool.close();
        metrics.close();
    }
}
