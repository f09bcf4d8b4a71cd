package org.benchtarget.spring;

import org.benchtarget.bench.verify.HardeningChecks;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench verify's security and bad-input groups against spring-jetty (H2): zero failures. */
class SpringHardeningIT {

    @Test
    void springJettyRefusesBadInputAndStaysSecure() throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))); // Spring's Jetty makes its docbase there
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0"));
        sets.addAll(HardeningChecks.KNOBS);
        var settings = SettingsParser.parse("spring-jetty", Map.of(), sets);
        try (var server = SpringServer.newServer(settings).start()) {
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + server.port()));
            assertTrue(failures.isEmpty(), () -> "checks failed:\n" + String.join("\n", failures));
        }
    }
}
