package org.benchtarget.jetty.core;

import org.benchtarget.core.config.RequestLimits;
import org.benchtarget.core.config.Settings;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The listener both embedded Jetty servers share, the app server (JettyServer) and daemon mode's Jetty front: the
 * {@code request.*} limits, address, backlog, idle timeout and max-connections. Each adds its own protocols (see
 * {@link JettyProtocols}) and handlers. Stateless.
 */
public final class JettyListener {
    private JettyListener() {
    }

    /** No Server version or X-Powered-By, the head size limit, every path through to the app's rule ({@link PathCompliance}). */
    public static HttpConfiguration httpConfiguration(RequestLimits limits) {
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        // Jetty's parser keeps a header cache per connection (a trie of about 38 KB once a request came): 76 MB of
        // a 128 MB heap at 2,000 connections, and the JVM ran out of memory. Headers are parsed without it.
        http.setHeaderCacheSize(0);
        PathCompliance.apply(http);
        return http;
    }

    /** A TCP connector on {@code host:port} with the listen backlog; {@link #listen} adds it. */
    public static ServerConnector tcp(Server server, Settings settings, int acceptors, ConnectionFactory... factories) {
        var tcp = new ServerConnector(server, acceptors, settings.ioThreads(), factories);
        tcp.setHost(settings.host());
        tcp.setPort(settings.port());
        tcp.setAcceptQueueSize(settings.backlog());
        return tcp;
    }

    /**
     * Adds {@code connector} to {@code server} with request.idle-timeout; past max-connections Jetty stops accepting
     * (new connections wait in the backlog) until one closes.
     */
    public static void listen(Server server, AbstractConnector connector, Settings settings) {
        connector.setIdleTimeout(settings.limits().idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
    }
}
