package org.benchtarget.core.nginx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an nginx.conf that proxies to a set of HTTP servers: everything nginx writes (pid, logs, temp
 * files) inside one private directory, kept-alive HTTP/1.1 connections on both sides, the backends'
 * {@code Server} and {@code Date} passed on and {@code X-Backend} naming the one that answered.
 * Daemon mode's {@code front=nginx} and {@code bench lb nginx} both write theirs with it, each adding
 * what is its own (static files; an access log). Set what you need, then {@link #render()}; not thread-safe.
 */
public final class NginxConf {
    private final Path dir;
    private final List<String> comments = new ArrayList<>();
    private boolean masterProcess;
    private String workerProcesses = "auto";
    private List<String> logging = List.of("access_log off;");
    private List<String> httpSettings = List.of();
    private String keepaliveTimeout = "65s";
    private String maxBody = "1m";
    private String maxHeader = "16k";
    private List<String> limitSettings = List.of();
    private List<String> maps = List.of();
    private String upstream = "backends";
    private List<String> servers = List.of();
    private String failTimeout = "1s";
    private int idleConnections = 256;
    private String listen = "80";
    private List<String> serverSettings = List.of();
    private List<String> proxyRetry = List.of();
    private List<String> proxyHeaders = List.of();
    private List<String> namedProxies = List.of();
    private String readTimeout = "60s";

    /**
     * Server-block lines for requests nginx refuses itself before any target sees them (a malformed escape, an encoded
     * NUL or control character, a path above the root): the same 400 a target answers, with a one-line text/plain
     * reason rather than nginx's HTML page (CONTRACT: bad input gets a one-line reason, and bench verify checks it).
     */
    public static List<String> refusedAsOneLine() {
        return refusedAsOneLine(List.of());
    }

    /** {@link #refusedAsOneLine()} with these directives too (the headers of the front's own answers). */
    public static List<String> refusedAsOneLine(List<String> headers) {
        var lines = new ArrayList<>(List.of("error_page 400 /.refused;", "location = /.refused {", "    internal;", "    default_type text/plain;"));
        headers.forEach(header -> lines.add("    " + header));
        lines.add("    return 400 \"bad request: nginx refused the request target (a malformed escape, an encoded control character"
                + " or a path above the root)\\n\";");
        lines.add("}");
        return List.copyOf(lines);
    }

    /**
     * Server-block lines for the answers nginx makes itself when proxying fails (502 a backend failed, 503, 504 no answer
     * within the read timeout): one line of text/plain with these directives (headers) instead of nginx's HTML page.
     * A backend's own 502-504 passes through untouched (no proxy_intercept_errors).
     */
    public static List<String> gatewayErrorsAsOneLine(List<String> headers) {
        var lines = new ArrayList<String>();
        var reasons = List.of("502 \"bad gateway: the backend failed to answer\n\"", "503 \"service unavailable: no backend is up\n\"",
                "504 \"gateway timeout: the backend did not answer in time\n\"");
        for (var reason : reasons) {
            var status = reason.substring(0, 3);
            lines.addAll(List.of("error_page " + status + " /." + status + ";", "location = /." + status + " {", "    internal;",
                    "    default_type text/plain;"));
            headers.forEach(header -> lines.add("    " + header));
            lines.add("    return " + reason + ";");
            lines.add("}");
        }
        return List.copyOf(lines);
    }

    private NginxConf(Path dir) {
        this.dir = dir;
    }

    /** Starts a configuration whose pid, logs and temp files go in {@code dir}. */
    public static NginxConf in(Path dir) {
        return new NginxConf(dir);
    }

    /** Adds a comment line at the top (without the {@code #}). */
    public NginxConf comment(String line) {
        comments.add(line);
        return this;
    }

    /** Says {@code master_process on} (for when a master_process off elsewhere must not win). */
    public NginxConf masterProcess() {
        masterProcess = true;
        return this;
    }

    /** {@code auto} (the default) or a number. */
    public NginxConf workerProcesses(String count) {
        workerProcesses = count;
        return this;
    }

    /** The http block's logging directives; default {@code access_log off;}. */
    public NginxConf logging(List<String> directives) {
        logging = List.copyOf(directives);
        return this;
    }

    /** Directives of the http block between the temp paths and keep-alive (types, charset, file handling). */
    public NginxConf httpSettings(List<String> directives) {
        httpSettings = List.copyOf(directives);
        return this;
    }

    /** Client keep-alive: {@code 65s} (the default) or {@code 0} (off). */
    public NginxConf keepaliveTimeout(String timeout) {
        keepaliveTimeout = timeout;
        return this;
    }

    /** The largest body (also its buffer) and the largest header buffer, in nginx's units: {@code 65536}, {@code 1m}, {@code 16k}. */
    public NginxConf limits(String body, String header) {
        maxBody = body;
        maxHeader = header;
        return this;
    }

    /** Directives right after the limits (timeouts, gzip). */
    public NginxConf limitSettings(List<String> directives) {
        limitSettings = List.copyOf(directives);
        return this;
    }

    /** Further {@code map} blocks (each line as written, indented from the http block's level), after the Host map. */
    public NginxConf maps(List<String> lines) {
        maps = List.copyOf(lines);
        return this;
    }

    /**
     * The upstream: its name, its servers ({@code host:port}), how long one failure takes a server out, and
     * how many idle kept-alive connections to keep to them.
     */
    public NginxConf upstream(String name, List<String> addresses, String failTimeout, int idleConnections) {
        this.upstream = name;
        this.servers = List.copyOf(addresses);
        this.failTimeout = failTimeout;
        this.idleConnections = idleConnections;
        return this;
    }

    /** Where to listen: {@code address:port} or {@code port}. */
    public NginxConf listen(String address) {
        listen = address;
        return this;
    }

    /** Lines of the server block before the proxying {@code location /} (root, other locations), indented from the server's level. */
    public NginxConf serverSettings(List<String> lines) {
        serverSettings = List.copyOf(lines);
        return this;
    }

    /** Directives of the proxying locations after {@code proxy_next_upstream error timeout} (such as how many tries). */
    public NginxConf proxyRetry(List<String> directives) {
        proxyRetry = List.copyOf(directives);
        return this;
    }

    /** How long nginx waits for a server's answer (between two reads) before it answers 504; default {@code 60s}. */
    public NginxConf readTimeout(String timeout) {
        readTimeout = timeout;
        return this;
    }

    /** Directives at the end of the proxying locations (headers of proxied answers). */
    public NginxConf proxyHeaders(List<String> directives) {
        proxyHeaders = List.copyOf(directives);
        return this;
    }

    /**
     * Named locations ({@code @backends}) that proxy exactly as {@code location /} does, for requests other locations
     * hand on ({@code error_page 418 = @backends}).
     */
    public NginxConf alsoProxiedAt(List<String> names) {
        namedProxies = List.copyOf(names);
        return this;
    }

    public String render() {
        var conf = new StringBuilder();
        comments.forEach(comment -> conf.append("# ").append(comment).append('\n'));
        conf.append("daemon off;\n");
        if (masterProcess) {
            conf.append("master_process on;\n");
        }
        conf.append("worker_processes ").append(workerProcesses).append(";\n")
                .append("pid ").append(dir).append("/nginx.pid;\n")
                .append("error_log ").append(dir).append("/error.log warn;\n")
                .append("events {\n    worker_connections 8192;\n}\n")
                .append("http {\n");
        lines(conf, 1, logging);
        lines(conf, 1, List.of("server_tokens off;"));
        for (var temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            var kind = temp.equals("client_body") ? "body" : temp;
            lines(conf, 1, List.of(temp + "_temp_path " + dir + "/temp/" + kind + ";"));
        }
        lines(conf, 1, httpSettings);
        lines(conf, 1, List.of("keepalive_timeout " + keepaliveTimeout + ";", "keepalive_requests 1000000;",
                "client_max_body_size " + maxBody + ";", "client_body_buffer_size " + maxBody + ";",
                "large_client_header_buffers 4 " + maxHeader + ";"));
        lines(conf, 1, limitSettings);
        lines(conf, 1, List.of("",
                "# an HTTP/1.0 client may send no Host; the connection to the upstream is HTTP/1.1, which requires one",
                "map $http_host $backend_host {",
                "    \"\" $server_addr:$server_port;",
                "    default $http_host;",
                "}", ""));
        if (!maps.isEmpty()) {
            lines(conf, 1, maps);
            lines(conf, 1, List.of(""));
        }
        lines(conf, 1, List.of("upstream " + upstream + " {"));
        for (var server : servers) {
            lines(conf, 2, List.of("server " + server + " max_fails=1 fail_timeout=" + failTimeout + ";"));
        }
        lines(conf, 2, List.of("keepalive " + idleConnections + ";", "keepalive_requests 1000000;"));
        lines(conf, 1, List.of("}", "", "server {"));
        lines(conf, 2, List.of("listen " + listen + " backlog=4096;"));
        lines(conf, 2, serverSettings);
        proxyLocation(conf, "/");
        namedProxies.forEach(name -> proxyLocation(conf, name));
        lines(conf, 1, List.of("}"));
        return conf.append("}\n").toString();
    }

    private void proxyLocation(StringBuilder conf, String location) {
        lines(conf, 2, List.of("location " + location + " {"));
        lines(conf, 3, List.of("proxy_pass http://" + upstream + ";", "proxy_http_version 1.1;", "proxy_set_header Connection \"\";",
                "proxy_set_header Host $backend_host;", "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "proxy_pass_header Server;", "proxy_pass_header Date;", "proxy_connect_timeout 2s;", "proxy_read_timeout " + readTimeout + ";"));
        lines(conf, 3, List.of("# a dead server: GETs go to the next one; a POST already sent is not repeated (the client decides)",
                "proxy_next_upstream error timeout;"));
        lines(conf, 3, proxyRetry);
        lines(conf, 3, List.of("add_header X-Backend $upstream_addr always;"));
        lines(conf, 3, proxyHeaders);
        lines(conf, 2, List.of("}"));
    }

    private static void lines(StringBuilder conf, int depth, List<String> lines) {
        for (var line : lines) {
            if (!line.isEmpty()) {
                conf.append("    ".repeat(depth)).append(line);
            }
            conf.append('\n');
        }
    }
}
