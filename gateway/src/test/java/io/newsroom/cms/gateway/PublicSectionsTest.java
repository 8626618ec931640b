package io.newsroom.cms.gateway;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Sections on the gateway: the public tree and a section (an old slug redirects), the article list by section (the
 * filter and includeChildren reach the articles service and are part of the cache key; an unknown section is a 404
 * problem, never an unfiltered page), the answers match the public document, and the editor API forwards
 * {@code /api/sections} to the articles service.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PublicSectionsTest extends StubbedBackendsTest {
    static final String TREE = "{\"items\":[{\"id\":\"00000000-0000-4000-8000-00000000000a\",\"slug\":\"news\",\"name\":\"News\","
            + "\"description\":null,\"path\":[\"news\"],\"urlPath\":\"/news\",\"children\":[{\"id\":\"7d0c0000-0000-4000-8000-000000000001\","
            + "\"slug\":\"cloud\",\"name\":\"Cloud\",\"description\":\"Clouds\",\"path\":[\"news\",\"cloud\"],\"urlPath\":\"/news/cloud\","
            + "\"children\":[]}]}]}";

    static String sectioned(String slug) {
        String article = PublicJson.article(slug, false);
        return article.substring(0, article.length() - 1) + ",\"section\":{\"slug\":\"cloud\",\"name\":\"Cloud\",\"path\":[\"news\",\"cloud\"]},"
                + "\"sections\":[{\"slug\":\"opinion\",\"name\":\"Opinion\",\"path\":[\"opinion\"]}]}";
    }

    static String sectionedSummary(String slug) {
        String summary = PublicJson.summary(slug, "Dek");
        return summary.substring(0, summary.length() - 1) + ",\"section\":{\"slug\":\"cloud\",\"name\":\"Cloud\",\"path\":[\"news\",\"cloud\"]}}";
    }

    @Test
    void theTreeAndASectionPassThroughAndAnOldSlugRedirects() throws Exception {
        backends.stubFor(get("/sections/published").willReturn(okJson(TREE)));
        assertArrayEquals(TREE.getBytes(StandardCharsets.UTF_8), given().get("/public/v1/sections").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.startsWith("public")).extract().asByteArray());
        given().get("/public/v1/sections").then().statusCode(200);
        backends.verify(1, getRequestedFor(urlEqualTo("/sections/published")));
        // not kept fresh by the articles' events: a section changes without one
        clock.advance(Duration.ofSeconds(5));
        given().get("/public/v1/sections").then().statusCode(200).body("items[0].children[0].urlPath", is("/news/cloud"));
        backends.verify(2, getRequestedFor(urlEqualTo("/sections/published")));

        backends.stubFor(get("/sections/published/cloud").willReturn(okJson(TREE.substring(TREE.indexOf("{\"id\":\"7d0c"), TREE.length() - 4))));
        given().get("/public/v1/sections/cloud").then().statusCode(200).body("name", is("Cloud")).body("path", contains("news", "cloud"));
        backends.stubFor(get("/sections/published/clouds").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://articles/sections/published/cloud")));
        given().redirects().follow(false).get("/public/v1/sections/clouds").then().statusCode(301)
                .header("Location", endsWith("/public/v1/sections/cloud"));
        backends.stubFor(get("/sections/published/nowhere").willReturn(aResponse().withStatus(404)));
        given().get("/public/v1/sections/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().get("/public/v1/sections/Not_A_Slug").then().statusCode(400).contentType("application/problem+json");

        PublicApiContractTest.Contract contract = PublicApiContractTest.Contract.of(given().get("/public/v1/openapi.json").asString());
        contract.check("/public/v1/sections", TREE);
        contract.check("/public/v1/sections/{slug}", given().get("/public/v1/sections/cloud").asString());
    }

    @Test
    void articlesBySectionPassTheFilterOnAndKeyTheCacheByIt() throws Exception {
        String page = PublicJson.page(null, sectionedSummary("in-cloud"));
        backends.stubFor(get(urlPathEqualTo("/articles/published")).willReturn(okJson(page)));
        given().get("/public/v1/articles?section=news&tag=cloud").then().statusCode(200).body("items[0].section.path", contains("news", "cloud"));
        backends.verify(getRequestedFor(urlEqualTo("/articles/published?limit=10&tag=cloud&section=news")));
        given().get("/public/v1/articles?section=news&tag=cloud&includeChildren=false").then().statusCode(200);
        backends.verify(getRequestedFor(urlEqualTo("/articles/published?limit=10&tag=cloud&section=news&includeChildren=false")));
        given().get("/public/v1/articles?section=opinion&tag=cloud").then().statusCode(200);
        backends.verify(getRequestedFor(urlEqualTo("/articles/published?limit=10&tag=cloud&section=opinion")));
        given().get("/public/v1/articles?tag=cloud").then().statusCode(200);
        backends.verify(getRequestedFor(urlEqualTo("/articles/published?limit=10&tag=cloud")));

        backends.stubFor(get("/articles/published?limit=10&section=nowhere").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/public/v1/articles?section=nowhere").then().statusCode(404).contentType("application/problem+json");
        given().get("/public/v1/articles?section=nowhere").then().statusCode(404);
        given().get("/public/v1/articles?section=news&includeChildren=maybe").then().statusCode(400).contentType("application/problem+json");
        given().get("/public/v1/articles?section=Not%20A%20Slug").then().statusCode(400).contentType("application/problem+json");

        PublicApiContractTest.Contract contract = PublicApiContractTest.Contract.of(given().get("/public/v1/openapi.json").asString());
        contract.check("/public/v1/articles", page);
        contract.check("/public/v1/articles/{slug}", sectioned("with-sections"));
    }

    @Test
    void theEditorApiForwardsSectionsToTheArticlesService() {
        backends.stubFor(put("/sections/7d0c0000-0000-4000-8000-000000000001").willReturn(okJson("{\"slug\":\"cloud\"}").withHeader("ETag", "\"3\"")));
        given().header("Authorization", TestTokens.bearer("erin")).header("If-Match", "\"2\"").contentType("application/json")
                .body("{\"name\":\"Cloud\"}").put("/api/sections/7d0c0000-0000-4000-8000-000000000001")
                .then().statusCode(200).header("ETag", is("\"3\"")).body("slug", is("cloud"));
        backends.verify(putRequestedFor(urlEqualTo("/sections/7d0c0000-0000-4000-8000-000000000001")).withHeader("If-Match", equalTo("\"2\"")));
        backends.resetRequests();
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/sections/published").then().statusCode(404)
                .contentType("application/problem+json");
        backends.verify(0, getRequestedFor(anyUrl()));
        given().get("/api/sections").then().statusCode(401);
    }
}
