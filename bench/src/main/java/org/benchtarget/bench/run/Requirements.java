package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.experiment.Experiment;
import org.benchtarget.bench.run.load.LoopbackTls;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

import javax.net.ssl.HttpsURLConnection;

/** Stops an experiment whose endpoints this build's target does not serve yet (404), before any load. */
final class Requirements {
    private Requirements() {
    }

    static void check(Experiment experiment, URI base) throws IOException {
        for (var path : experiment.requires()) {
            var connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(LoopbackTls.acceptingAnyCertificate().getSocketFactory());
                https.setHostnameVerifier((host, session) -> true);
            }
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status == 404) {
                throw new BenchException("experiment " + experiment.name() + " needs " + path
                        + ", which this build's target does not serve yet (404)");
            }
        }
    }
}
