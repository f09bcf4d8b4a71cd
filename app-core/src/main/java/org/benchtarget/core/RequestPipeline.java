package org.benchtarget.core;

import org.benchtarget.core.config.Settings;
import org.benchtarget.core.db.DataAccessException;
import org.benchtarget.core.db.OutageGate;
import org.benchtarget.core.db.StatementCounter;
import org.benchtarget.core.fixture.Injection;
import org.benchtarget.core.fixture.Manifest;
import org.benchtarget.core.fixture.ServedBy;
import org.benchtarget.core.fixture.Readiness;
import org.benchtarget.core.fixture.RunWindows;
import org.benchtarget.core.fixture.ServerTiming;
import org.benchtarget.core.ops.Metrics;
import org.benchtarget.core.web.AsyncEndpoint;
import org.benchtarget.core.web.Cookies;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.PathParams;
import org.benchtarget.core.web.RequestPath;
import org.benchtarget.core.web.Responder;
import org.benchtarget.core.web.Route;
import org.benchtarget.core.web.Routes;
import org.benchtarget.core.web.SecurityHeaders;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What happens to every request around its endpoint, alike on every target: the path rule and routing, the outage
 * gate, SQL statement counting, fault injection, errors mapped to 4xx/503/500, the headers every response carries
 * (X-Query-Count, nosniff and the HTML security headers, Vary, the manifest, Server-Timing), then metrics, run windows
 * and readiness. Thread-safe.
 */
final class RequestPipeline {
    /** Logs under App's name, as before the pipeline was its own class: the lines a log reader knows stay the same. */
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Header VARY = new Header("Vary", "Accept-Encoding");
    private static final Header NO_QUERIES = new Header("X-Query-Count", "0");

    private final Settings settings;
    private final Routes routes;
    private final StatementCounter statements;
    private final Metrics metrics;
    private final RunWindows windows;
    private final Readiness readiness;
    private final Injection injection;
    private final Header manifest;
    /** X-Served-By, or null (served-by=off). */
    private final Header servedBy;
    /** While the database is known to be away, database requests answer 503 at once (then one try a second). */
    private final OutageGate outage = new OutageGate(1_000);

    RequestPipeline(Settings settings, Routes routes, StatementCounter statements, Metrics metrics, RunWindows windows, Readiness readiness) {
        this.settings = settings;
        this.routes = routes;
        this.statements = statements;
        this.metrics = metrics;
        this.windows = windows;
        this.readiness = readiness;
        this.injection = new Injection(settings.fixture(), routes.all().stream().map(route -> route.name()).collect(Collectors.toSet()));
        this.manifest = new Header(Manifest.HEADER, Manifest.of(settings));
        this.servedBy = settings.fixture().servedBy() ? ServedBy.header(settings.target(), System.getenv()) : null;
    }

    /** See {@link App#resolve}. */
    Routes.Match resolve(String method, String rawPath) {
        String path;
        try {
            path = RequestPath.route(rawPath);
        } catch (HttpProblem refused) {
            return new Routes.Match(Routes.UNMATCHED, null, PathParams.NONE, refused.toResult());
        }
        return routes.match(method, path);
    }

    /** See {@link App#isAsync}. */
    boolean isAsync(Routes.Match match) {
        return match.found() && match.endpoint() instanceof AsyncEndpoint;
    }

    /** See {@link App#mayBlock}. */
    boolean mayBlock(Routes.Match match, WebRequest request) {
        return match.route().touchesDb(request) || injection.mayDelay(match.route().name(), request);
    }

    /** See {@link App#handle}. */
    WebResult handle(Routes.Match match, WebRequest request) {
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
            extra.add(NO_QUERIES);
        } else if (match.route().touchesDb(request)) {
            try (var scope = statements.open()) {
                result = attempt(match, request);
                extra.add(new Header("X-Query-Count", Integer.toString(scope.count())));
                dbNanos = scope.nanos();
            }
        } else {
            result = attempt(match, request);
            if (match.route().dbUse() == Route.SAYS_NO_QUERIES) {
                extra.add(NO_QUERIES);
            }
        }
        long end = System.nanoTime();
        long queue = request.arrivalNanos() > 0 ? start - request.arrivalNanos() : -1;
        result = decorate(result, extra, queue, end - start, dbNanos);
        if (request.secure()) {
            result = Cookies.secure(result); // cookies set over TLS say Secure
        }
        metrics.served(match.route(), request.method(), result.status(), queue, end - start);
        recordAnswer(match, result.status(), arrival);
        return result;
    }

    /** See {@link App#handleAsync}. */
    void handleAsync(Routes.Match match, WebRequest request, Responder adapter) {
        long start = System.nanoTime();
        long arrival = request.arrivalNanos() > 0 ? request.arrivalNanos() : start;
        long queue = request.arrivalNanos() > 0 ? start - request.arrivalNanos() : -1;
        metrics.pending();
        var exchange = new AsyncExchange(adapter,
                result -> decorate(result, new ArrayList<>(List.of(NO_QUERIES)), queue, System.nanoTime() - start, -1),
                status -> {
                    metrics.answered(match.route(), request.method(), status, queue, System.nanoTime() - start);
                    recordAnswer(match, status, arrival);
                });
        try {
            ((AsyncEndpoint) match.endpoint()).start(request, match.params(), exchange);
        } catch (HttpProblem problem) {
            exchange.complete(problem.toResult());
        } catch (RuntimeException e) {
            exchange.complete(fault(request, e));
        }
    }

    /** Adds the headers every answer carries: X-Query-Count's companions, security headers, Vary, manifest, Server-Timing. */
    private WebResult decorate(WebResult result, List<Header> extra, long queue, long appNanos, long dbNanos) {
        extra.add(SecurityHeaders.NOSNIFF);
        if (SecurityHeaders.isHtml(result.contentType())) {
            extra.addAll(SecurityHeaders.HTML);
        }
        if (settings.gzip() && result.body().length() >= App.GZIP_MIN_BYTES) {
            extra.add(VARY);
        }
        if (settings.fixture().manifest()) {
            extra.add(manifest);
        }
        if (servedBy != null) {
            extra.add(servedBy);
        }
        var own = result.header(ServerTiming.HEADER); // an endpoint's own entry (delay;dur=) goes after ours
        if (settings.fixture().serverTiming()) {
            var timing = ServerTiming.format(queue, appNanos, dbNanos);
            if (own != null) {
                result = result.withoutHeader(ServerTiming.HEADER);
                timing = timing + ", " + own;
            }
            extra.add(new Header(ServerTiming.HEADER, timing));
        }
        return result.withHeaders(extra);
    }

    private void recordAnswer(Routes.Match match, int status, long arrival) {
        windows.record(match.route().name(), status, arrival);
        readiness.record(match.route().name(), status);
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
}
