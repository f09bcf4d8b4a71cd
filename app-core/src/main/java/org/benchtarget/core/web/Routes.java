package org.benchtarget.core.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Method + path to endpoint. Exact paths are one hash lookup (the benchmark endpoints are all
 * exact); patterns with {@code {param}} segments or a trailing {@code *} are tried in order.
 * Unknown path: 404; known path, other method: 405 with Allow. HEAD is served by GET.
 * Immutable once built; safe for any number of threads.
 */
public final class Routes {
    /** The route of 404s and 405s, for metrics. */
    public static final Route UNMATCHED = new Route("unmatched", "", Route.NEVER, Map.of(), "");

    private final Map<String, Route> exact;
    private final List<PathPattern> patterns;
    private final List<Route> all;

    private Routes(List<Route> routes) {
        this.all = List.copyOf(routes);
        this.exact = new HashMap<>();
        this.patterns = new ArrayList<>();
        for (var route : routes) {
            if (route.pattern().contains("{") || route.pattern().endsWith("*")) {
                patterns.add(PathPattern.of(route));
            } else {
                exact.put(route.pattern(), route);
            }
        }
    }

    public List<Route> all() {
        return all;
    }

    /** The outcome of routing: an endpoint to call, or the 404/405 answer. */
    public record Match(Route route, Endpoint endpoint, PathParams params, WebResult problem) {
        public boolean found() {
            return endpoint != null;
        }
    }

    public Match match(String method, String path) {
        var route = exact.get(path);
        var params = PathParams.NONE;
        if (route == null) {
            var segments = path.split("/", -1);
            for (var candidate : patterns) {
                var values = candidate.bind(path, segments);
                if (values != null) {
                    route = candidate.route();
                    params = new PathParams(values);
                    break;
                }
            }
        }
        if (route == null) {
            return new Match(UNMATCHED, null, params, WebResult.text(404, "not found: " + PathParams.abbreviate(path)));
        }
        var endpoint = route.endpoints().get(method);
        if (endpoint == null && method.equals("HEAD")) {
            endpoint = route.endpoints().get("GET");
        }
        if (endpoint == null) {
            var problem = WebResult.text(405, "method " + PathParams.abbreviate(method) + " not allowed; allowed: " + route.allow())
                    .withHeader("Allow", route.allow());
            return new Match(route, null, params, problem);
        }
        return new Match(route, endpoint, params, null);
    }

    /**
     * A pattern route, split into segments once (a request splits its path once, however many patterns it is tried
     * against): {@code prefix} for a trailing {@code *}, else the segments, null where a {@code {name}} goes.
     */
    private record PathPattern(Route route, String prefix, String[] segments) {
        static PathPattern of(Route route) {
            var pattern = route.pattern();
            if (pattern.endsWith("*")) {
                return new PathPattern(route, pattern.substring(0, pattern.length() - 1), null);
            }
            var segments = pattern.split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    segments[i] = null;
                }
            }
            return new PathPattern(route, null, segments);
        }

        /** Returns the values of the {name} segments (or what the * matched), or null when the path does not fit. */
        List<String> bind(String path, String[] have) {
            if (prefix != null) {
                return path.startsWith(prefix) && path.length() > prefix.length() ? List.of(path.substring(prefix.length())) : null;
            }
            if (segments.length != have.length) {
                return null;
            }
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] != null && !segments[i].equals(have[i])) {
                    return null;
                }
            }
            var values = new ArrayList<String>(2);
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] == null) {
                    values.add(have[i]);
                }
            }
            return values;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects routes in the order they are tried. Not thread-safe; build once at startup. */
    public static final class Builder {
        private final Map<String, RouteSpec> specs = new LinkedHashMap<>();

        private record RouteSpec(String name, Predicate<WebRequest> dbUse, Map<String, Endpoint> endpoints) {
        }

        public Builder get(String pattern, String name, boolean touchesDb, Endpoint endpoint) {
            return add("GET", pattern, name, touchesDb ? Route.ALWAYS : Route.NEVER, endpoint);
        }

        public Builder post(String pattern, String name, boolean touchesDb, Endpoint endpoint) {
            return add("POST", pattern, name, touchesDb ? Route.ALWAYS : Route.NEVER, endpoint);
        }

        /** Adds an endpoint whose database use depends on the request (e.g. only with a session cookie). */
        public Builder add(String method, String pattern, String name, Predicate<WebRequest> dbUse, Endpoint endpoint) {
            var spec = specs.computeIfAbsent(pattern, p -> new RouteSpec(name, dbUse, new LinkedHashMap<>()));
            if (spec.dbUse() != dbUse) {
                throw new IllegalArgumentException(pattern + ": every method of a route must share one dbUse predicate");
            }
            if (spec.endpoints().put(method, endpoint) != null) {
                throw new IllegalArgumentException(method + " " + pattern + " registered twice");
            }
            return this;
        }

        public Routes build() {
            var routes = new ArrayList<Route>();
            specs.forEach((pattern, spec) -> {
                var methods = new ArrayList<>(spec.endpoints().keySet());
                if (methods.contains("GET")) {
                    methods.add(methods.indexOf("GET") + 1, "HEAD");
                }
                routes.add(new Route(spec.name(), pattern, spec.dbUse(), Map.copyOf(spec.endpoints()), String.join(", ", methods)));
            });
            return new Routes(routes);
        }
    }
}
