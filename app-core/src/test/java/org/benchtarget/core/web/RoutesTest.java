package org.benchtarget.core.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {
    private static final Endpoint OK = (request, params) -> WebResult.text(200, "ok");

    private final Routes routes = Routes.builder()
            .get("/hello", "hello", false, OK)
            .get("/wall/{id}", "wall", true, OK)
            .post("/wall/{id}/items", "wall-post", true, OK)
            .get("/static/*", "static", false, OK)
            .build();

    @Test
    void exactPathsPatternsAndPrefixes() {
        assertThat(routes.match("GET", "/hello").route().name()).isEqualTo("hello");
        var wall = routes.match("GET", "/wall/42");
        assertThat(wall.route().name()).isEqualTo("wall");
        assertThat(wall.params().id(0)).isEqualTo(42);
        assertThat(routes.match("POST", "/wall/42/items").found()).isTrue();
        assertThat(routes.match("GET", "/static/site.css").params().values()).containsExactly("site.css");
    }

    @Test
    void unknownPathIs404AndWrongMethod405WithAllow() {
        assertThat(routes.match("GET", "/nope").problem().status()).isEqualTo(404);
        assertThat(routes.match("GET", "/static/").problem().status()).isEqualTo(404);
        var wrong = routes.match("DELETE", "/hello");
        assertThat(wrong.problem().status()).isEqualTo(405);
        assertThat(wrong.problem().header("Allow")).isEqualTo("GET, HEAD");
        assertThat(routes.match("GET", "/wall/1/items").problem().header("Allow")).isEqualTo("POST");
    }

    @Test
    void headIsServedByGet() {
        assertThat(routes.match("HEAD", "/hello").found()).isTrue();
    }

    @Test
    void nonNumericIdIs404() {
        var match = routes.match("GET", "/wall/abc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> match.params().id(0))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
