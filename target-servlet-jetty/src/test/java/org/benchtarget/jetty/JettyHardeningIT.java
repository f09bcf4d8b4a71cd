package org.benchtarget.jetty;

import org.benchtarget.bench.verify.HardeningChecks;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench verify's security and bad-input groups against jetty-threads and jetty-nio embedded (H2): zero failures. */
class JettyHardeningIT {

    @Test
    void jettyThreadsRefusesBadInputAndStaysSecure() throws Exception {
        assertHardened("jetty-threads");
    }

    /** The selector path (core Handler) answers bad input to what cannot block without the Servlet layer: checked too. */
    @Test
    void jettyNioRefusesBadInputAndStaysSecure() throws Exception {
        assertHardened("jetty-nio");
    }

    private static void assertHardened(String profile) throws Exception {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(HardeningChecks.KNOBS);
        var settings = SettingsParser.parse(profile, Map.of(), sets);
        try (var server = JettyServer.newServer(App.create(settings), settings).start()) {
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + server.port()));
            assertTrue(failures.isEmpty(), () -> "checks failed:\n" + String.join("\n", failures));
        }
    }
}
