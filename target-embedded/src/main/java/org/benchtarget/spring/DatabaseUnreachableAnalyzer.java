package org.benchtarget.spring;

import org.benchtarget.db.DatabaseUnreachableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A database that cannot be opened (after db.wait) is a known failure, not a bug: Spring Boot reports it in its
 * "APPLICATION FAILED TO START" form (description and action), not as a stack trace, as the other targets' one line.
 */
public final class DatabaseUnreachableAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(), "Start the database, point db.url, db.user and db.password to one that runs,"
                + " give it time with db.wait, or leave db unset for the embedded H2.", cause);
    }
}
