package org.benchtarget.bench.run.load;

import java.io.IOException;

/**
 * A scripted user journey (log in then view walls; complete the seven surveys): the plug-in point
 * for workloads that need cookies, CSRF tokens and forms. One instance serves every virtual user,
 * so it must be thread-safe; per-user state lives in the {@link HttpSession}.
 */
@FunctionalInterface
public interface Journey {

    /** Returns true when the journey completed as a user would expect; every request is recorded by the session. */
    boolean run(HttpSession session) throws IOException;
}
