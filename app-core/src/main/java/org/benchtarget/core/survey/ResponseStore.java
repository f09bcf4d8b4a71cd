package org.benchtarget.core.survey;

import java.sql.SQLException;
import java.util.List;

/**
 * Where completed responses go. Seed 001 wrote them to a wide-column store (Cassandra); this
 * build has one implementation, {@link SqlResponseStore}. An implementation must store each
 * response token at most once, whatever the concurrency, and remove the response's draft.
 */
interface ResponseStore {

    enum Outcome { STORED, ALREADY_STORED }

    /** One group of the tallies: answers of a question with one {@code answerNumber} (null for texts). */
    record Tally(int questionId, Integer answerNumber, long answers, long responses) {
    }

    record Tallies(long completed, List<Tally> groups) {
    }

    /** Stores the whole response, every answer, once; a token stored before stores nothing. */
    Outcome complete(Survey survey, String token, Answers answers) throws SQLException;

    boolean isCompleted(int surveyId, String token) throws SQLException;

    Tallies tallies(Survey survey) throws SQLException;
}
