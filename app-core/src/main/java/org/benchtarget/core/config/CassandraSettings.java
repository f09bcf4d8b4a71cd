package org.benchtarget.core.config;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where completed surveys go ({@code survey.store}) and, for Cassandra, how to reach it. Parsed from the
 * effective knobs, so {@link Settings} needs no field of its own.
 *
 * @param contactPoints unresolved host and port of each contact point
 * @param consistency   the driver's name of the consistency level: LOCAL_QUORUM or LOCAL_ONE
 */
public record CassandraSettings(boolean enabled, List<InetSocketAddress> contactPoints, String keyspace, String localDc,
                                String consistency) {
    private static final int MAX_CONTACT_POINTS = 64;
    /** host, host:port, [v6], [v6]:port. */
    private static final Pattern CONTACT_POINT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.\\-]+)(?::(\\d{1,6}))?");

    public static CassandraSettings of(Settings settings) {
        return parse(settings.effective());
    }

    /** Reads the cassandra knobs; a bad one throws {@link SettingsException} naming it. */
    static CassandraSettings parse(Map<Knob, String> values) {
        int port = port(Knob.CASSANDRA_PORT, values.get(Knob.CASSANDRA_PORT));
        var points = new ArrayList<InetSocketAddress>();
        var text = values.get(Knob.CASSANDRA_CONTACT_POINTS).strip();
        for (var point : (text.isEmpty() ? "127.0.0.1" : text).split(",", -1)) {
            points.add(contactPoint(text, point.strip(), port));
        }
        if (points.size() > MAX_CONTACT_POINTS) {
            throw new SettingsException(Knob.CASSANDRA_CONTACT_POINTS.key() + "=" + text + ": expected at most " + MAX_CONTACT_POINTS + " contact points");
        }
        var keyspace = values.get(Knob.CASSANDRA_KEYSPACE);
        if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new SettingsException(Knob.CASSANDRA_KEYSPACE.key() + "=" + keyspace
                    + ": expected a lower-case name of letters, digits and _ (at most 48, a letter first)");
        }
        var dc = values.get(Knob.CASSANDRA_LOCAL_DC);
        if (!dc.matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new SettingsException(Knob.CASSANDRA_LOCAL_DC.key() + "=" + dc + ": expected a data centre name such as datacenter1");
        }
        return new CassandraSettings(values.get(Knob.SURVEY_STORE).equals("cassandra"), List.copyOf(points), keyspace, dc,
                values.get(Knob.CASSANDRA_CONSISTENCY));
    }

    private static InetSocketAddress contactPoint(String all, String point, int defaultPort) {
        var matcher = CONTACT_POINT.matcher(point);
        if (!matcher.matches()) {
            throw new SettingsException(Knob.CASSANDRA_CONTACT_POINTS.key() + "=" + all
                    + ": expected host[:port],... such as 127.0.0.1:9042 (got '" + point + "')");
        }
        var host = matcher.group(1).replace("[", "").replace("]", "");
        int port = matcher.group(2) == null ? defaultPort : port(Knob.CASSANDRA_CONTACT_POINTS, all, matcher.group(2));
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static int port(Knob knob, String text) {
        return port(knob, text, text);
    }

    private static int port(Knob knob, String all, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new SettingsException(knob.key() + "=" + all + ": expected a port from 1 to 65535");
    }
}
