package org.benchtarget.undertow;

import org.benchtarget.bench.verify.HardeningChecks;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench verify's security and bad-input groups against undertow-nio (H2): zero failures. */
class HardeningIT {

    @Test
    void undertowNioRefusesBadInputAndStaysSecure() {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(HardeningChecks.KNOBS);
        var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
        try (var server = UndertowServer.newServer(App.create(settings), settings).start()) {
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + server.port()));
            assertTrue(failures.isEmpty(), () -> "checks failed:\n" + String.join("\n", failures));
        }
    }
}
