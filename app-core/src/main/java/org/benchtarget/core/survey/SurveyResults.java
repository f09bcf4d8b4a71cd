package org.benchtarget.core.survey;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The results JSON: {@code {"survey":ID,"completed":N,"questions":[...]}}, each question with how
 * many responses answered it and, by kind, counts per option or rating, or a number's min, max
 * and sum (integers: the same bytes on every database). Questions and options in survey order,
 * zero counts included, so equal data gives equal bytes.
 */
final class SurveyResults {
    private static final JsonFactory JSON = new JsonFactory();

    private SurveyResults() {
    }

    static byte[] json(Survey survey, ResponseStore.Tallies tallies) {
        var byQuestion = new HashMap<Integer, List<ResponseStore.Tally>>();
        for (var tally : tallies.groups()) {
            byQuestion.computeIfAbsent(tally.questionId(), id -> new ArrayList<>()).add(tally);
        }
        var out = new ByteArrayOutputStream(2048);
        try (var json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("survey", survey.id());
            json.writeNumberField("completed", tallies.completed());
            json.writeStringField("title", survey.title());
            json.writeArrayFieldStart("questions");
            for (var question : survey.questions()) {
                question(json, question, byQuestion.getOrDefault(question.id(), List.of()));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void question(JsonGenerator json, Question question, List<ResponseStore.Tally> tallies) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", question.id());
        json.writeStringField("kind", question.kind().code());
        json.writeNumberField("answered", tallies.stream().mapToLong(ResponseStore.Tally::responses).sum());
        var counts = new HashMap<Integer, Long>();
        for (var tally : tallies) {
            if (tally.answerNumber() != null) {
                counts.put(tally.answerNumber(), tally.answers());
            }
        }
        switch (question.kind()) {
            case SINGLE, MULTIPLE -> {
                json.writeObjectFieldStart("options");
                for (int position = 1; position <= question.options().size(); position++) {
                    json.writeNumberField(Integer.toString(position), counts.getOrDefault(position, 0L));
                }
                json.writeEndObject();
            }
            case RATING -> {
                json.writeObjectFieldStart("ratings");
                for (int rating = 1; rating <= 5; rating++) {
                    json.writeNumberField(Integer.toString(rating), counts.getOrDefault(rating, 0L));
                }
                json.writeEndObject();
            }
            case NUMBER -> number(json, counts);
            case TEXT -> { }
        }
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, Map<Integer, Long> counts) throws IOException {
        if (counts.isEmpty()) {
            json.writeNullField("min");
            json.writeNullField("max");
            json.writeNumberField("sum", 0);
            return;
        }
        long sum = 0;
        for (var entry : counts.entrySet()) {
            sum += entry.getKey() * entry.getValue();
        }
        json.writeNumberField("min", counts.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow());
        json.writeNumberField("max", counts.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow());
        json.writeNumberField("sum", sum);
    }
}
