package org.benchtarget.daemon.front;

import org.benchtarget.core.web.Cookies;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.client.transport.HttpConversation;
import org.eclipse.jetty.client.transport.HttpRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Jetty front's proxy: Jetty's core reverse proxy ({@link ProxyHandler.Reverse}) over its {@link HttpClient}, round
 * robin over the live backends, each reached by loopback TCP or (proxy=uds) its Unix socket ({@link Transport.TCPUnix},
 * set per request), in HTTP/1.1 on kept-alive connections or (proxy.protocol=h2c) HTTP/2 by prior knowledge, a few
 * connections carrying every request at once. The request line goes on as the client wrote it (the backend's parser
 * judges it). A backend silent for proxy.timeout: 504; none up: 503; an idempotent request without a body whose backend
 * failed before answering is sent to another (then 502). Each answer names its backend in {@code X-Backend}.
 * Thread-safe.
 */
final class BackendProxy extends ProxyHandler.Reverse {
    static final String X_BACKEND = "X-Backend";
    /** Requests beyond the backends' connections wait in the front's queue (like mod_wsgi's listen queue) rather than fail. */
    private static final int MAX_QUEUE = 10_000;
    /** An idempotent request whose backend failed under it is sent to another, at most this many times (then 502). */
    private static final int RETRIES = 2;
    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    private static final String TARGET = BackendProxy.class.getName() + ".target";
    private static final String TRIED = BackendProxy.class.getName() + ".tried";

    /** A backend as the proxy reaches it: the supervisor's URI, the client's origin, the transport, and its name in X-Backend. */
    record Target(URI uri, String origin, Transport transport, String name) {
        static Target of(URI backend) {
            if ("unix".equals(backend.getScheme())) {
                // one Transport per socket, kept: the client pools connections per origin, and the transport is part of it
                return new Target(backend, "http://localhost", new Transport.TCPUnix(Path.of(backend.getPath())), backend.getPath());
            }
            var address = backend.getHost() + ":" + backend.getPort();
            return new Target(backend, "http://" + address, null, address);
        }
    }

    /** How the proxy speaks to the backends. */
    record Shape(boolean h2c, int connectionsPerBackend, Duration timeout, Duration backendIdle, int maxHeaderBytes,
                 boolean secureCookies, boolean stampsManifest) {
    }

    private final Shape shape;
    private final AtomicInteger next = new AtomicInteger();
    private volatile List<Target> live = List.of();

    BackendProxy(Shape shape) {
        super(Request::getHttpURI); // unused: newProxyToServerRequest addresses the backend picked in handle
        this.shape = shape;
        setUseServerThreadPool(true); // the client's selector and callbacks on the front's one pool
    }

    synchronized void up(URI backend) {
        if (live.stream().noneMatch(target -> target.uri().equals(backend))) {
            var more = new ArrayList<>(live);
            more.add(Target.of(backend));
            live = List.copyOf(more);
        }
    }

    synchronized void down(URI backend) {
        live = live.stream().filter(target -> !target.uri().equals(backend)).toList();
    }

    /** Returns the backends routed to now. */
    List<Target> live() {
        return live;
    }

    @Override
    protected HttpClient newHttpClient() {
        var connector = new ClientConnector();
        connector.setSelectors(1);
        return new HttpClient(shape.h2c() ? new HttpClientTransportOverHTTP2(new HTTP2Client(connector)) : new HttpClientTransportOverHTTP(connector));
    }

    @Override
    protected void configureHttpClient(HttpClient client) {
        super.configureHttpClient(client);
        client.setUserAgentField(null); // the client's own User-Agent goes on, or none
        client.setDefaultRequestContentType(null); // and its Content-Type, or none: the backend judges a body without one
        client.setMaxConnectionsPerDestination(shape.connectionsPerBackend());
        client.setMaxRequestsQueuedPerDestination(MAX_QUEUE);
        client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        // closed by the front before the backend would close it idle: a request never goes out on a connection closing under it
        client.setIdleTimeout(Math.max(1_000, shape.backendIdle().toMillis() / 2));
        // a head the front took (up to request.max-header) fits the client's header buffer
        client.setRequestBufferSize(Math.max(client.getRequestBufferSize(), shape.maxHeaderBytes() + 1024));
        client.setMaxRequestHeadersSize(Math.max(client.getMaxRequestHeadersSize(), shape.maxHeaderBytes() + 1024));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (HttpMethod.CONNECT.is(request.getMethod())) {
            // Jetty's client would open a tunnel for it: the front is no forward proxy
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "CONNECT: this is no forward proxy");
            return true;
        }
        var target = pick(request);
        if (target == null) {
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "no backend is up: try again");
            return true;
        }
        request.setAttribute(TARGET, target);
        response.getHeaders().put(X_BACKEND, target.name()); // a retry on another backend replaces it
        return super.handle(request, response, callback);
    }

    /** The next live backend round robin, skipping those this request already failed on; null if none is left. */
    private Target pick(Request request) {
        var targets = live;
        @SuppressWarnings("unchecked")
        var tried = (List<Target>) request.getAttribute(TRIED);
        for (int i = 0; i < targets.size(); i++) {
            var candidate = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
            if (tried == null || !tried.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(Request clientToProxyRequest, HttpURI unused) {
        var target = (Target) clientToProxyRequest.getAttribute(TARGET);
        return addressed(getHttpClient(), target, clientToProxyRequest.getHttpURI().getPathQuery())
                .method(clientToProxyRequest.getMethod())
                // proxy.timeout between two reads of the answer, as nginx's proxy_read_timeout: a stream keeps flowing
                .idleTimeout(shape.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A request to {@code target} for {@code pathQuery} exactly as the client wrote it (raw escapes, {@code //},
     * dot segments). The client's own {@code path(String)} would read a path starting with {@code //} as an authority,
     * so a path that parses as a URI goes on whole after the origin; one that does not (a character java.net.URI
     * refuses, a malformed escape in the query) goes on as {@link RawRequest}.
     */
    static org.eclipse.jetty.client.Request addressed(HttpClient client, Target target, String pathQuery) {
        org.eclipse.jetty.client.Request request;
        try {
            request = client.newRequest(new URI(target.origin() + pathQuery));
        } catch (URISyntaxException | IllegalArgumentException notAUri) {
            request = new RawRequest(client, URI.create(target.origin()), pathQuery);
        }
        return target.transport() == null ? request : request.transport(target.transport());
    }

    /**
     * A request whose path and query are kept as strings: the client's own path(String) would leave a query with a
     * malformed escape ({@code /db?id=%zz}) in the path, which its request line writer then fails to decode. The
     * front's server refused malformed escapes in the path already; the backend judges the query.
     */
    private static final class RawRequest extends HttpRequest {
        private final String path;
        private final String query;

        RawRequest(HttpClient client, URI origin, String pathQuery) {
            super(client, new HttpConversation(), origin);
            int mark = pathQuery.indexOf('?');
            this.path = mark < 0 ? pathQuery : pathQuery.substring(0, mark);
            this.query = mark < 0 ? null : pathQuery.substring(mark + 1);
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        public String getQuery() {
            return query;
        }
    }

    /**
     * X-Forwarded-For, as nginx adds it; no Via or Forwarded (the backends read neither). A request with no Host (h2
     * carries :authority instead; an HTTP/1.0 client may send none) gets the client's authority, or the front's own
     * address, rather than the client's default of the backend's address.
     */
    @Override
    protected void addProxyHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
        var remote = Request.getRemoteAddr(clientToProxyRequest);
        var host = clientToProxyRequest.getHeaders().contains(HttpHeader.HOST) ? null : authority(clientToProxyRequest);
        proxyToServerRequest.headers(headers -> {
            var earlier = headers.get(HttpHeader.X_FORWARDED_FOR);
            headers.put(HttpHeader.X_FORWARDED_FOR, earlier == null ? remote : earlier + ", " + remote);
            if (host != null) {
                headers.put(HttpHeader.HOST, host);
            }
        });
    }

    private static String authority(Request request) {
        var authority = request.getHttpURI().getAuthority();
        if (authority != null && !authority.isEmpty()) {
            return authority;
        }
        var local = Request.getLocalAddr(request);
        return (local.contains(":") ? "[" + local + "]" : local) + ":" + Request.getLocalPort(request);
    }

    /**
     * The front's own Date, nosniff and X-Bench-Mode are on every answer already (FrontStamp): the backend's are
     * dropped rather than doubled. Over TLS the backends' cookies (set over cleartext behind the front) become Secure.
     */
    @Override
    protected HttpField filterServerToProxyResponseField(HttpField field) {
        var header = field.getHeader();
        if (header == HttpHeader.DATE || field.is(FrontStamp.NOSNIFF) || shape.stampsManifest() && field.is(FrontStamp.BENCH_MODE)) {
            return null;
        }
        if (header == HttpHeader.SET_COOKIE && shape.secureCookies()) {
            return new HttpField(HttpHeader.SET_COOKIE, Cookies.secure(field.getValue()));
        }
        return field;
    }

    @Override
    protected void onServerToProxyResponseFailure(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest,
                                                  org.eclipse.jetty.client.Response serverToProxyResponse, Response proxyToClientResponse,
                                                  Callback proxyToClientCallback, Throwable failure) {
        if (proxyToClientResponse.isCommitted()) {
            // part of the answer is out: nothing to do but cut the client's answer short
            super.onServerToProxyResponseFailure(clientToProxyRequest, proxyToServerRequest, serverToProxyResponse, proxyToClientResponse,
                    proxyToClientCallback, failure);
            return;
        }
        var target = (Target) clientToProxyRequest.getAttribute(TARGET);
        // the backend's head may have come before it failed: its length and coding do not fit the one-line answer
        proxyToClientResponse.getHeaders().remove(HttpHeader.CONTENT_LENGTH).remove(HttpHeader.CONTENT_ENCODING);
        if (failure instanceof TimeoutException) {
            Response.writeError(clientToProxyRequest, proxyToClientResponse, proxyToClientCallback, HttpStatus.GATEWAY_TIMEOUT_504,
                    "backend " + target.name() + " did not answer within " + shape.timeout().toMillis() + " ms");
            return;
        }
        if (retryable(clientToProxyRequest, serverToProxyResponse)) {
            @SuppressWarnings("unchecked")
            var tried = (List<Target>) clientToProxyRequest.getAttribute(TRIED);
            var more = tried == null ? new ArrayList<Target>() : new ArrayList<>(tried);
            more.add(target);
            clientToProxyRequest.setAttribute(TRIED, more);
            if (more.size() <= RETRIES && pickable(more)) {
                handle(clientToProxyRequest, proxyToClientResponse, proxyToClientCallback);
                return;
            }
        }
        Response.writeError(clientToProxyRequest, proxyToClientResponse, proxyToClientCallback, HttpStatus.BAD_GATEWAY_502,
                "backend " + target.name() + " failed: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
    }

    /** Nothing came back yet, and sending it again cannot do twice what the client asked once. */
    private static boolean retryable(Request request, org.eclipse.jetty.client.Response answer) {
        boolean body = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        return IDEMPOTENT.contains(request.getMethod()) && !body && (answer == null || answer.getStatus() == 0);
    }

    private boolean pickable(List<Target> tried) {
        return live.stream().anyMatch(target -> !tried.contains(target));
    }
}
