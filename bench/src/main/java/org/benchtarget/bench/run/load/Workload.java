package org.benchtarget.bench.run.load;

/**
 * What one virtual user does per iteration: one GET of a path (what ab, wrk and httperf can do too),
 * or a scripted journey with cookies and forms (only the embedded driver).
 */
public sealed interface Workload permits Workload.Get, Workload.Scripted {

    String label();

    record Get(String path) implements Workload {
        @Override
        public String label() {
            return path;
        }
    }

    record Scripted(String label, Journey journey) implements Workload {
    }
}
