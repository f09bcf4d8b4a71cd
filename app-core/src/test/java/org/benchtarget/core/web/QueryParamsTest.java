package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    @Test
    void decodesPercentAndPlus() {
        var params = QueryParams.parse("name=J%C3%BCrgen+M&empty=&flag");
        assertThat(params.single("name")).isEqualTo("Jürgen M");
        assertThat(params.single("empty")).isEmpty();
        assertThat(params.single("flag")).isEmpty();
        assertThat(params.single("absent")).isNull();
    }

    @Test
    void repeatedSingleValueIs400() {
        assertThatThrownBy(() -> QueryParams.parse("id=1&id=2").single("id"))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(400))
                .hasMessage("id given more than once");
        assertThat(QueryParams.parse("q=1&q=2").all("q")).containsExactly("1", "2");
    }

    @Test
    void malformedEncodingIs400() {
        for (var bad : new String[]{"id=%zz", "id=%4", "id=%", "id=%C3%28", "id=%FF"}) {
            assertThatThrownBy(() -> QueryParams.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        }
    }

    @Test
    void overlongQueryIs414() {
        assertThatThrownBy(() -> QueryParams.ofQuery("id=" + "1".repeat(QueryParams.MAX_QUERY_LENGTH)))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(414));
    }
}
