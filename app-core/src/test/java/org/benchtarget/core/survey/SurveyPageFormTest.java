package org.benchtarget.core.survey;

import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyPageFormTest {
    private static final Question SINGLE = new Question(1, Question.Kind.SINGLE, "Year?", true, 0, 0, 0, List.of("First", "Second", "Third"));
    private static final Question MULTIPLE = new Question(2, Question.Kind.MULTIPLE, "Devices?", false, 0, 0, 0, List.of("Laptop", "Phone", "Tablet"));
    private static final Question TEXT = new Question(3, Question.Kind.TEXT, "Comments?", false, 0, 0, 10, List.of());
    private static final Question NUMBER = new Question(4, Question.Kind.NUMBER, "Hours?", true, 0, 80, 0, List.of());
    private static final Question RATING = new Question(5, Question.Kind.RATING, "Overall?", false, 1, 5, 0, List.of());
    private static final SurveyPage PAGE = new SurveyPage(1, "About you", List.of(SINGLE, MULTIPLE, TEXT, NUMBER, RATING));

    private static SurveyPageForm.Outcome read(String form) {
        return SurveyPageForm.read(PAGE, QueryParams.parse(form + "&response=r&csrf=c"));
    }

    @Test
    void acceptsValidAnswersInCanonicalForm() {
        var outcome = read("q1=2&q2=3&q2=1&q3=%20two%0D%0Alines%20&q4=007&q5=5");
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.answers().values()).containsExactly(
                Map.entry(1, List.of("2")), Map.entry(2, List.of("1", "3")), Map.entry(3, List.of("two\nlines")),
                Map.entry(4, List.of("7")), Map.entry(5, List.of("5")));
    }

    @Test
    void optionalQuestionsMayStayEmpty() {
        var outcome = read("q1=1&q3=&q4=0&q5=");
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.answers().values()).containsOnlyKeys(1, 4);
    }

    @Test
    void requiredAnswerMissing() {
        var outcome = read("q3=hi");
        assertThat(outcome.errors()).containsExactly(Map.entry(1, SurveyPageForm.REQUIRED), Map.entry(4, SurveyPageForm.REQUIRED));
        assertThat(outcome.given().get(3)).containsExactly("hi");
        assertThat(outcome.answers()).isEqualTo(Answers.NONE);
    }

    @Test
    void blankIsNotAnAnswer() {
        assertThat(read("q1=1&q4=%20%20").errors()).containsOnlyKeys(4);
    }

    @Test
    void choiceNotOffered() {
        for (var value : List.of("0", "4", "01", "x", "1.0", "-1", "+1", "999999999999")) {
            assertThat(read("q1=" + value + "&q4=1").errors()).as(value).containsExactly(Map.entry(1, "Choose one of the options offered."));
        }
        assertThat(read("q1=1&q4=1&q2=1&q2=9").errors()).containsExactly(Map.entry(2, "Choose only from the options offered."));
        assertThat(read("q1=1&q4=1&q5=6").errors()).containsExactly(Map.entry(5, "Choose a rating from 1 to 5."));
        assertThat(read("q1=1&q4=1&q5=0").errors()).containsOnlyKeys(5);
    }

    @Test
    void multipleValuesOnASingleChoice() {
        assertThat(read("q1=1&q1=2&q4=1").errors()).containsExactly(Map.entry(1, "Choose only one option."));
        assertThat(read("q1=1&q4=1&q5=1&q5=2").errors()).containsExactly(Map.entry(5, "Choose only one option."));
    }

    @Test
    void repeatedFields() {
        assertThat(read("q1=1&q4=1&q4=1").errors()).containsExactly(Map.entry(4, "Give one answer only; this field was sent 2 times."));
        assertThat(read("q1=1&q4=1&q3=a&q3=b").errors()).containsOnlyKeys(3);
        assertThat(read("q1=1&q4=1&q2=2&q2=2").errors()).containsExactly(Map.entry(2, "Choose each option at most once."));
    }

    @Test
    void numberNotANumberOrOutOfRange() {
        assertThat(read("q1=1&q4=abc").errors()).containsExactly(Map.entry(4, "'abc' is not a whole number: enter one from 0 to 80."));
        assertThat(read("q1=1&q4=4.5").errors()).containsOnlyKeys(4);
        assertThat(read("q1=1&q4=1e3").errors()).containsOnlyKeys(4);
        assertThat(read("q1=1&q4=-").errors()).containsOnlyKeys(4);
        assertThat(read("q1=1&q4=99999999999999999999").errors()).containsOnlyKeys(4);
        assertThat(read("q1=1&q4=81").errors()).containsExactly(Map.entry(4, "Enter a whole number from 0 to 80; 81 is out of range."));
        assertThat(read("q1=1&q4=-1").errors()).containsOnlyKeys(4);
        assertThat(read("q1=1&q4=80").valid()).isTrue();
    }

    @Test
    void textOverItsLimitOrWithControlCharacters() {
        assertThat(read("q1=1&q4=1&q3=" + "a".repeat(11)).errors()).containsExactly(Map.entry(3, "Keep the answer to 10 characters; it has 11."));
        assertThat(read("q1=1&q4=1&q3=" + "a".repeat(10)).valid()).isTrue();
        assertThat(read("q1=1&q4=1&q3=%C3%A9%C3%A9").valid()).isTrue();
        assertThat(read("q1=1&q4=1&q3=a%00b").errors()).containsOnlyKeys(3);
        assertThat(read("q1=1&q4=1&q3=a%1Bb").errors()).containsOnlyKeys(3);
    }

    @Test
    void everyInvalidFieldGetsItsOwnMessage() {
        var outcome = read("q1=9&q2=7&q3=" + "b".repeat(20) + "&q4=x&q5=1&q5=1");
        assertThat(outcome.errors()).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(outcome.given().get(4)).containsExactly("x");
    }

    @Test
    void aFieldThatIsNoQuestionOfThePageIsAPlain400() {
        assertThatThrownBy(() -> read("q1=1&q4=1&q99=1")).isInstanceOf(HttpProblem.class).hasMessageContaining("q99");
        assertThatThrownBy(() -> read("q1=1&q4=1&name=x")).isInstanceOf(HttpProblem.class);
    }

    @Test
    void answersSurviveTheDraftEncoding() {
        var answers = read("q1=2&q2=3&q2=1&q3=caf%C3%A9+%26+more%3D%0Aok&q4=7").answers();
        assertThat(Answers.decode(answers.encode())).isEqualTo(answers);
        assertThat(Answers.decode("")).isEqualTo(Answers.NONE);
    }

    @Test
    void aPageReplacesOnlyItsOwnAnswers() {
        var other = new SurveyPage(2, "More", List.of(new Question(9, Question.Kind.RATING, "Again?", true, 1, 5, 0, List.of())));
        var draft = new Answers(Map.of(1, List.of("1"), 9, List.of("3")));
        var merged = draft.with(PAGE, new Answers(Map.of(4, List.of("5"))));
        assertThat(merged.values()).containsOnlyKeys(4, 9);
        assertThat(merged.with(other, Answers.NONE).values()).containsOnlyKeys(4);
    }
}
