package org.benchtarget.core.survey;

import java.sql.SQLTransientConnectionException;

/**
 * The response store could not be reached or did not answer in time: the request answers 503 with
 * Retry-After (App treats it as an outage), nothing of the response is half-written, the draft stays.
 * No SQLSTATE, so the SQL database's outage gate stays open: other pages keep working.
 */
final class StoreUnavailableException extends SQLTransientConnectionException {
    StoreUnavailableException(String store, Throwable cause) {
        super(store + " unavailable: " + cause.getMessage(), (String) null, cause);
    }
}
