package org.benchtarget.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** kustomize as kubectl carries it (kubectl kustomize DIR): what kubectl apply -k would send. */
final class Kustomize {
    private Kustomize() {
    }

    static String render(Path dir) throws IOException {
        Podman.Result result;
        try {
            result = Podman.exec(List.of("kubectl", "kustomize", dir.toString()), Map.of(), Duration.ofMinutes(1), null);
        } catch (IOException noKubectl) {
            Assumptions.abort("no kubectl on PATH: the overlays are not rendered (the files themselves are checked)");
            throw noKubectl;
        }
        if (result.exit() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + result.output());
        }
        return result.output();
    }
}
