package org.benchtarget.bench.run.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Lets Ctrl-C stop a run between and during loads: drivers poll {@link #cancelled()}, external tools are destroyed. Thread-safe. */
public final class RunControl {
    private volatile boolean cancelled;
    private final Set<Process> tools = ConcurrentHashMap.newKeySet();

    public boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
        tools.forEach(Process::destroy);
    }

    void started(Process tool) {
        tools.add(tool);
        if (cancelled) {
            tool.destroy();
        }
    }

    void ended(Process tool) {
        tools.remove(tool);
    }
}
