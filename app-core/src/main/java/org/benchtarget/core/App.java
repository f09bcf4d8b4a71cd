package org.benchtarget.core;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.benchtarget.core.auth.Logins;
import org.benchtarget.core.auth.Sessions;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.Modes;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.db.DataAccessException;
import org.benchtarget.core.db.DatabaseWait;
import org.benchtarget.core.db.OutageGate;
import org.benchtarget.core.db.SecretStore;
import org.benchtarget.core.db.StatementCounter;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.BenchGuard;
import org.benchtarget.core.fixture.HealthSwitch;
import org.benchtarget.core.fixture.Injection;
import org.benchtarget.core.fixture.Manifest;
import org.benchtarget.core.fixture.Readiness;
import org.benchtarget.core.fixture.RunWindows;
import org.benchtarget.core.fixture.ServedBy;
import org.benchtarget.core.fixture.ServerTiming;
import org.benchtarget.core.fixture.StatusCodes;
import org.benchtarget.core.hello.Hello;
import org.benchtarget.core.home.HomePage;
import org.benchtarget.core.ops.Health;
import org.benchtarget.core.ops.Info;
import org.benchtarget.core.ops.Metrics;
import org.benchtarget.core.row.Rows;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.survey.ResponseStores;
import org.benchtarget.core.survey.Surveys;
import org.benchtarget.core.wall.Walls;
import org.benchtarget.core.web.Csrf;
import org.benchtarget.core.web.HttpDate;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.PathParams;
import org.benchtarget.core.web.QueryParams;
import org.benchtarget.core.web.RequestPath;
import org.benchtarget.core.web.Route;
import org.benchtarget.core.web.Routes;
import org.benchtarget.core.web.SecurityHeaders;
import org.benchtarget.core.web.Signer;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;
import org.benchtarget.db.Database;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;
import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;

/**
 * The composition root: Settings in, the whole application out. Adapters call
 * {@link #resolve} (to decide where to run a request) and then {@link #handle}, which maps
 * errors, counts SQL statements and records metrics the same way for every target.
 * Thread-safe once created.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** Responses from this size up are gzip candidates (CONTRACT: at least 1 KiB). */
    public static final int GZIP_MIN_BYTES = 1024;
    private static final Header VARY = new Header("Vary", "Accept-Encoding");

    private final Settings settings;
    private final HikariDataSource pool;
    private final StatementCounter statements;
    private final Metrics metrics;
    private final Info info;
    private final Routes routes;
    private final String serverHeader;
    private final Signer signer;
    private final HttpDate httpDate;
    private final Header manifest;
    private final RunWindows windows;
    private final Readiness readiness;
    private final Injection injection;
    private final Surveys surveys;
    private final HealthSwitch healthSwitch;
    /** X-Served-By, or null (served-by=off). */
    private final Header servedBy;
    /** While the database is known to be away, database requests answer 503 at once (then one try a second). */
    private final OutageGate outage = new OutageGate(1_000);

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        this.serverHeader = "benchtarget-" + settings.target();
        this.httpDate = new HttpDate(clock);
        this.statements = new StatementCounter();
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
        this.manifest = new Header(Manifest.HEADER, Manifest.of(settings));
        this.windows = new RunWindows(settings.fixture().windowToken(), settings.host());
        this.healthSwitch = new HealthSwitch(new BenchGuard(settings.fixture().windowToken(), settings.host()));
        this.servedBy = settings.fixture().servedBy() ? ServedBy.header(settings.target(), System.getenv()) : null;
        this.readiness = new Readiness(settings.fixture());
        var templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.benchtarget.core.templates");
        var responses = ResponseStores.open(CassandraSettings.of(settings), counted, clock);
        this.surveys = new Surveys(counted, templates, signer, settings.cache().data(), settings.surveyDraftTtl(), clock, metrics.registry(), responses);
        surveys.startSweeping();
        this.routes = routes(new Hello(clock), new Rows(counted, settings.cache().data(), metrics.registry()),
                StaticFiles.load(build.time()), new HomePage(templates, settings.cache() == Modes.Cache.PAGE),
                new Health(counted, responses.health()), logins(counted, templates, clock), walls(counted, templates, clock));
        this.injection = new Injection(settings.fixture(), routes.all().stream().map(route -> route.name()).collect(Collectors.toSet()));
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
        return DatabaseWait.start(settings, () -> new App(settings, clock));
    }

    private Logins logins(DataSource counted, TemplateEngine templates, Clock clock) {
        return new Logins(counted, templates, new Sessions(signer, clock), new Csrf(signer));
    }

    private Walls walls(DataSource counted, TemplateEngine templates, Clock clock) {
        return new Walls(counted, templates, new Sessions(signer, clock), new Csrf(signer), settings.wallQueries(),
                settings.cache().data(), metrics.registry(), clock);
    }

    private Routes routes(Hello hello, Rows rows, StaticFiles files, HomePage home, Health health, Logins logins, Walls walls) {
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
                .get("/status/{code}", "status", false, (request, params) -> StatusCodes.answer(params.values().get(0), QueryParams.ofQuery(request.rawQuery())))
                .post("/bench/health/down", "health-toggle", false, (request, params) -> healthSwitch.down(request))
                .post("/bench/health/up", "health-toggle", false, (request, params) -> healthSwitch.up(request))
                .post("/bench/window", "window", false, (request, params) -> windows.start(request))
                .add("DELETE", "/bench/window", "window", Route.NEVER, (request, params) -> windows.end(request))
                .build();
    }

    public Settings settings() {
        return settings;
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
        String path;
        try {
            path = RequestPath.route(rawPath);
        } catch (HttpProblem refused) {
            return new Routes.Match(Routes.UNMATCHED, null, PathParams.NONE, refused.toResult());
        }
        return routes.match(method, path);
    }

    /** Returns whether serving this request may block, on the database or an injected delay (so not on an IO thread). */
    public boolean mayBlock(Routes.Match match, WebRequest request) {
        return match.route().touchesDb(request) || injection.mayDelay(match.route().name(), request);
    }

    /**
     * Serves a resolved request. Never throws: bad input is a 4xx, an outage 503, a fault 500. Adds
     * the headers every target sends alike (X-Query-Count, Vary, X-Bench-Mode, Server-Timing).
     */
    public WebResult handle(Routes.Match match, WebRequest request) {
        long start = System.nanoTime();
        long arrival = request.arrivalNanos() > 0 ? request.arrivalNanos() : start;
        metrics.serving();
        var extra = new ArrayList<Header>(7);
        long dbNanos = -1;
        WebResult result;
        if (!match.found()) {
            result = match.problem();
        } else if (match.route().touchesDb(request) && outage.closed() && !match.route().name().equals("health")) {
            result = unavailable("database unavailable (a recent attempt failed; retry)");
            extra.add(new Header("X-Query-Count", "0"));
        } else if (match.route().touchesDb(request)) {
            try (var scope = statements.open()) {
                result = attempt(match, request);
                extra.add(new Header("X-Query-Count", Integer.toString(scope.count())));
                dbNanos = scope.nanos();
            }
        } else {
            result = attempt(match, request);
        }
        long end = System.nanoTime();
        extra.add(SecurityHeaders.NOSNIFF);
        if (SecurityHeaders.isHtml(result.contentType())) {
            extra.addAll(SecurityHeaders.HTML);
        }
        if (settings.gzip() && result.body().length() >= GZIP_MIN_BYTES) {
            extra.add(VARY);
        }
        if (settings.fixture().manifest()) {
            extra.add(manifest);
        }
        if (servedBy != null) {
            extra.add(servedBy);
        }
        long queue = request.arrivalNanos() > 0 ? start - request.arrivalNanos() : -1;
        if (settings.fixture().serverTiming()) {
            extra.add(new Header("Server-Timing", ServerTiming.format(queue, end - start, dbNanos)));
        }
        var route = match.route();
        metrics.served(route, request.method(), result.status(), queue, end - start);
        windows.record(route.name(), result.status(), arrival);
        readiness.record(route.name(), result.status());
        return result.withHeaders(extra);
    }

    private WebResult attempt(Routes.Match match, WebRequest request) {
        try {
            var injected = injection.decide(match.route().name(), request);
            if (injected != Injection.Decision.NONE) {
                if (injected.delayNanos() > 0) {
                    Thread.sleep(injected.delayNanos() / 1_000_000, (int) (injected.delayNanos() % 1_000_000));
                }
                if (injected.failStatus() > 0) {
                    return WebResult.text(injected.failStatus(), "injected failure (" + injected.description() + ")")
                            .withHeader("X-Injected", injected.description());
                }
                return match.endpoint().handle(request, match.params()).withHeader("X-Injected", injected.description());
            }
            return match.endpoint().handle(request, match.params());
        } catch (HttpProblem problem) {
            return problem.toResult();
        } catch (Exception e) { // SQL, the pool, an interrupted delay, a bug: databaseFailed tells outage from fault
            return databaseFailed(request, e);
        }
    }

    private WebResult databaseFailed(WebRequest request, Exception e) {
        if (!DataAccessException.isOutage(e)) {
            return fault(request, e);
        }
        outage.failed(e);
        // the driver's message may name the host, user or SQL: the log has it, the client does not
        LOG.debug("503 on {} {}: database unavailable: {}", request.method(), request.path(), e.getMessage());
        return unavailable("database unavailable");
    }

    private static WebResult unavailable(String reason) {
        return WebResult.text(503, reason).withHeader("Retry-After", "1");
    }

    private static WebResult fault(WebRequest request, Exception e) {
        LOG.error("500 on {} {}", request.method(), request.path(), e);
        return WebResult.text(500, "internal error; the server log has the details");
    }

    @Override
    public void close() {
        surveys.close();
        pool.close();
        metrics.close();
    }
}
