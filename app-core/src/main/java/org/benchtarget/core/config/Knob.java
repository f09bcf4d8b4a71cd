package org.benchtarget.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every knob a profile, an environment variable or {@code --set} may give: its name, the values it
 * accepts, its default and what it does. README's knob table is this enum, row for row.
 */
public enum Knob {
    TARGET("target", "undertow", "which target runs the profile (nginx: only as the ceiling-nginx reference, mode=ceiling)",
            "undertow", "jetty", "spring", "nginx"),
    MODE("mode", "in-process", "in-process; container (WAR in a standalone Jetty); daemon (front + backends); ceiling (the bare server, no app: /hello and /db only)",
            "in-process", "container", "daemon", "ceiling"),
    PROCESSES("processes", "2", "daemon mode: backend processes behind the front (each runs `threads` worker threads)"),
    BACKEND("backend", "undertow", "daemon mode: the in-process target each backend process runs", "undertow", "jetty"),
    FRONT("front", "undertow", "daemon mode: undertow or jetty (their reverse proxies, built in), nginx or haproxy (when installed) serves static "
            + "files and proxies the rest", "undertow", "nginx", "haproxy", "jetty"),
    PROXY("proxy", "http", "daemon mode: how the front reaches the backends (HTTP/1.1, kept-alive connections): http over loopback TCP, "
            + "or uds over Unix domain sockets (backend=jetty, front=jetty, nginx or haproxy)", "http", "uds"),
    PROXY_PROTOCOL("proxy.protocol", "http1", "daemon mode: what the front speaks to the backends: http1 (HTTP/1.1) or h2c "
            + "(HTTP/2 in the clear by prior knowledge, streams multiplexed; front=undertow, jetty or haproxy: nginx proxies HTTP/1.x only)",
            "http1", "h2c"),
    PROXY_TIMEOUT("proxy.timeout", "60s", "daemon mode: how long the front waits for a backend's answer before it answers 504"),
    HOST("host", "0.0.0.0", "address to listen on"),
    PORT("port", "8080", "port to listen on; 0 picks a free one"),
    WORKERS("workers", "nio", "threads: blocking pool; nio: event loop, blocking work dispatched; virtual: a virtual thread per request",
            "threads", "nio", "virtual"),
    THREADS("threads", "32", "worker pool size (threads, and nio's dispatch pool)"),
    IO_THREADS("io-threads", "2", "IO (selector) threads"),
    GZIP("gzip", "off", "gzip responses of 1 KiB or more to clients that accept it", "on", "off"),
    CACHE("cache", "off", "off; data: Caffeine for rows, walls, surveys; page: data plus whole anonymous pages",
            "off", "data", "page"),
    WALL_QUERIES("wall.queries", "joined", "naive: 1 + 2 queries per wall item, content filtered per request; joined: a constant handful, pre-rendered",
            "naive", "joined"),
    BACKLOG("backlog", "4096", "accept queue: connections the kernel completes before the server accepts them (capped by net.core.somaxconn)"),
    MAX_CONNECTIONS("max-connections", "10000", "client connections held open at once; beyond it new ones wait in the accept queue"),
    TLS("tls", "off", "on: HTTPS (TLS 1.2 and 1.3) on the port; HTTP/1.1 over TLS, and h2 via ALPN when http2=on", "on", "off"),
    TLS_CERT("tls.cert", "", "tls=on: the certificate chain (PEM file); empty, with tls.key empty: a self-signed one made at start for host and localhost"),
    TLS_KEY("tls.key", "", "tls=on: the certificate's private key (PEM file, PKCS#8 or PKCS#1/SEC1)"),
    HTTP2("http2", "off", "on: HTTP/2 as well as HTTP/1.1 on the port: h2 via ALPN when tls=on, h2c (prior knowledge and Upgrade: h2c) when tls=off", "on", "off"),
    KEEPALIVE("keepalive", "on", "keep connections open between requests (HTTP/1.0 and 1.1)", "on", "off"),
    DB("db", "h2", "h2: embedded in-memory (nothing to install); postgres: a PostgreSQL server", "h2", "postgres"),
    DB_URL("db.url", "", "JDBC URL; default an H2 file in a temporary folder of the target, or jdbc:postgresql://127.0.0.1:5432/benchtarget"),
    DB_USER("db.user", "", "database user; default sa (h2) or benchtarget (postgres)"),
    DB_PASSWORD("db.password", "", "database password; default empty (h2) or benchtarget (postgres); never shown"),
    DB_POOL("db.pool", "8", "connections in the pool (fixed size)"),
    DB_WAIT("db.wait", "0s", "at start, how long to wait for a database that cannot be opened, answering 503 on every path (/health too) meanwhile; 0s: exit at once with one line"),
    DB_POOL_TIMEOUT("db.pool-timeout", "2s", "longest wait for a pool connection (pool busy or database away); then 503 with Retry-After"),
    SECRET("secret", "", "key that signs session cookies and CSRF tokens; empty: generated once and kept in the database, shared by every process on it; never shown"),
    SERVED_BY("served-by", "off", "X-Served-By on every response: target/pod name or pid/backend index, to see how load spread", "on", "off"),
    MANIFEST("manifest", "on", "X-Bench-Mode on every response: target, mode, workers, threads, gzip, cache, wall.queries, db", "on", "off"),
    SERVER_TIMING("server-timing", "on", "Server-Timing on every response: queue (waiting for a worker), app, db", "on", "off"),
    INJECT_HEADERS("inject.headers", "off", "obey X-Delay and X-Fail request headers (never on unless asked)", "on", "off"),
    INJECT_SEED("inject.seed", "1", "seed of the injection random generators, so a run repeats exactly"),
    INJECT_MAX_DELAY("inject.max-delay", "10s", "longest delay a header or knob may inject"),
    WINDOW_TOKEN("window.token", "", "token /bench/window requires (X-Bench-Token); required when listening beyond loopback; never shown"),
    WARMUP("warmup", "0", "requests per benchmark endpoint (hello, db, home) before /ready answers 200; 0: no request condition"),
    WARMUP_JIT_QUIET("warmup.jit-quiet", "0s", "/ready also waits until the JIT compiler's total compilation time has not grown for this long (up to 10m); 0s: no JIT condition"),
    WARMUP_WHEN("warmup.when", "all", "all: /ready waits for every warm-up condition set (warmup, warmup.jit-quiet); any: for the first one met; none set: ready at once",
            "all", "any"),
    REQUEST_MAX_HEADER("request.max-header", "16384", "largest request line plus headers in bytes; larger answers 431 (or 400/414)"),
    REQUEST_MAX_BODY("request.max-body", "65536", "largest request body in bytes; larger answers 413 (forms are capped at 64 KiB whatever this says)"),
    REQUEST_IDLE_TIMEOUT("request.idle-timeout", "30s", "a connection silent this long (between requests, or mid-request) is closed; Undertow also bounds reading a request head by it"),
    SHUTDOWN_TIMEOUT("shutdown.timeout", "10s", "on SIGTERM, how long in-flight requests may take to finish"),
    SURVEY_DRAFT_TTL("survey.draft-ttl", "24h", "how long an abandoned survey draft is kept before it expires and is deleted"),
    SURVEY_STORE("survey.store", "sql", "where completed survey responses go: sql (the app's database) or cassandra (seed 001); definitions and drafts stay in SQL",
            "sql", "cassandra"),
    CASSANDRA_CONTACT_POINTS("cassandra.contact-points", "", "survey.store=cassandra: host[:port],... of the cluster; empty: 127.0.0.1 (bench serve starts a local node)"),
    CASSANDRA_PORT("cassandra.port", "9042", "CQL port of contact points that name none"),
    CASSANDRA_KEYSPACE("cassandra.keyspace", "benchtarget", "keyspace of the response table; both created at start when missing"),
    CASSANDRA_LOCAL_DC("cassandra.local-dc", "datacenter1", "the data centre the driver treats as local (LOCAL_* consistency)"),
    CASSANDRA_CONSISTENCY("cassandra.consistency", "LOCAL_QUORUM", "consistency of reads and of the completion's write (its lightweight transaction is LOCAL_SERIAL)",
            "LOCAL_QUORUM", "LOCAL_ONE");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final List<String> allowed;

    Knob(String key, String defaultValue, String description, String... values) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.allowed = List.of(values);
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Returns the allowed values, or an empty list for free-form knobs (numbers, strings). */
    public List<String> allowed() {
        return allowed;
    }

    /** Returns the environment variable that sets this knob, e.g. {@code BENCH_IO_THREADS}. */
    public String envName() {
        return "BENCH_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Per-endpoint injection knobs, {@code inject.delay.ENDPOINT} and {@code inject.fail.ENDPOINT}, have open names. */
    public static boolean isInjectionKey(String key) {
        return key.matches("inject\\.(delay|fail)\\.[a-z0-9.\\-]+");
    }

    public static Optional<Knob> byKey(String key) {
        return Arrays.stream(values()).filter(knob -> knob.key.equals(key)).findFirst();
    }
}
