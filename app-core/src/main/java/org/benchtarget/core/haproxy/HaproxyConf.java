package org.benchtarget.core.haproxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a haproxy.cfg that balances round robin over a set of servers: the pid file inside one private
 * directory, kept-alive HTTP/1.1 on both sides, a request whose connection failed redispatched to another
 * server, the servers' {@code Server} and {@code Date} passed on and {@code X-Backend} naming the one that
 * answered. Daemon mode's {@code front=haproxy} and {@code bench lb haproxy} both write theirs with it, each
 * adding what is its own (static files, checks, a log). Set what you need, then {@link #render()}; not thread-safe.
 */
public final class HaproxyConf {
    private final Path dir;
    private final List<String> comments = new ArrayList<>();
    private List<String> global = List.of();
    private List<String> defaults = List.of();
    private String clientTimeout = "65s";
    private String serverTimeout = "60s";
    private String keepaliveTimeout = "65s";
    private String bind = ":80";
    private List<String> frontend = List.of();
    private String backend = "targets";
    private List<String> backendSettings = List.of();
    private List<String> servers = List.of();
    private List<String> more = List.of();

    private HaproxyConf(Path dir) {
        this.dir = dir;
    }

    /** Starts a configuration whose pid file goes in {@code dir}. */
    public static HaproxyConf in(Path dir) {
        return new HaproxyConf(dir);
    }

    /** Adds a comment line at the top (without the {@code #}). */
    public HaproxyConf comment(String line) {
        comments.add(line);
        return this;
    }

    /** Lines of the global section after the pid file (threads, logging, tuning). */
    public HaproxyConf global(List<String> lines) {
        global = List.copyOf(lines);
        return this;
    }

    /** Lines of the defaults section after the common ones (logging, more timeouts, error answers). */
    public HaproxyConf defaults(List<String> lines) {
        defaults = List.copyOf(lines);
        return this;
    }

    /** How long a client may stay silent, how long a server may take to answer, how long an idle client connection is kept. */
    public HaproxyConf timeouts(String client, String server, String keepalive) {
        clientTimeout = client;
        serverTimeout = server;
        keepaliveTimeout = keepalive;
        return this;
    }

    /** Where to listen: {@code address:port}. */
    public HaproxyConf bind(String address) {
        bind = address;
        return this;
    }

    /** Lines of the frontend section before {@code default_backend} (answers of its own, other backends to use). */
    public HaproxyConf frontend(List<String> lines) {
        frontend = List.copyOf(lines);
        return this;
    }

    /**
     * The backend: its name, lines before the servers (health checks), and its {@code server} lines after the
     * keyword ({@code t1 10.0.0.21:8080 check}).
     */
    public HaproxyConf backend(String name, List<String> settings, List<String> serverLines) {
        backend = name;
        backendSettings = List.copyOf(settings);
        servers = List.copyOf(serverLines);
        return this;
    }

    /** Further sections at the end, each line as written. */
    public HaproxyConf sections(List<String> lines) {
        more = List.copyOf(lines);
        return this;
    }

    public String render() {
        var conf = new StringBuilder();
        comments.forEach(comment -> conf.append("# ").append(comment).append('\n'));
        conf.append("global\n");
        lines(conf, List.of("pidfile " + dir + "/haproxy.pid"));
        lines(conf, global);
        conf.append("\ndefaults\n");
        lines(conf, List.of("mode http", "option http-keep-alive", "option forwardfor",
                "# a request whose connection failed goes to another server", "option redispatch", "retries 3",
                "timeout connect 2s", "timeout client " + clientTimeout, "timeout server " + serverTimeout,
                "timeout http-keep-alive " + keepaliveTimeout, "timeout queue 30s"));
        lines(conf, defaults);
        conf.append("\nfrontend benchtarget\n");
        lines(conf, List.of("bind " + bind));
        lines(conf, frontend);
        lines(conf, List.of("default_backend " + backend));
        conf.append("\nbackend ").append(backend).append('\n');
        lines(conf, List.of("balance roundrobin"));
        lines(conf, backendSettings);
        lines(conf, List.of("http-response set-header X-Backend %si:%sp"));
        servers.forEach(server -> lines(conf, List.of("server " + server)));
        if (!more.isEmpty()) {
            conf.append('\n');
            more.forEach(line -> conf.append(line).append('\n'));
        }
        return conf.toString();
    }

    private static void lines(StringBuilder conf, List<String> lines) {
        for (var line : lines) {
            if (!line.isEmpty()) {
                conf.append("    ").append(line);
            }
            conf.append('\n');
        }
    }
}
