package io.newsroom.cms.gateway;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * An article's related articles on the gateway: the articles service's answer passed through, cached with ETag and the
 * articles' surrogate key; a limit outside 1..20 is a 400 problem before any service is asked, an unknown slug a 404
 * problem, a renamed slug a 301 to the current one's related articles (as the article itself redirects); the answer
 * matches the public document.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PublicRelatedTest extends StubbedBackendsTest {
    static final String RELATED = "{\"items\":[" + withReason(PublicJson.summary("picked", "Dek"), "editor") + ","
            + withReason(PublicJson.summary("shares-tags", null), "automatic") + "]}";

    private static String withReason(String summary, String reason) {
        return summary.substring(0, summary.length() - 1) + ",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void relatedArticlesPassThroughCachedAndMatchTheDocument() throws Exception {
        backends.stubFor(get("/articles/published/harbour-tolls/related?limit=5").willReturn(okJson(RELATED)));
        String etag = given().get("/public/v1/articles/harbour-tolls/related").then().statusCode(200)
                .header("Cache-Control", startsWith("public")).header("Surrogate-Key", containsString("articles"))
                .header("ETag", notNullValue()).extract().header("ETag");
        assertArrayEquals(RELATED.getBytes(StandardCharsets.UTF_8),
                given().get("/public/v1/articles/harbour-tolls/related?limit=5").then().statusCode(200).extract().asByteArray());
        given().header("If-None-Match", etag).get("/public/v1/articles/harbour-tolls/related").then().statusCode(304);
        backends.verify(1, getRequestedFor(urlEqualTo("/articles/published/harbour-tolls/related?limit=5")));

        PublicApiContractTest.Contract contract = PublicApiContractTest.Contract.of(given().get("/public/v1/openapi.json").asString());
        contract.check("/public/v1/articles/{slug}/related", RELATED);
    }

    @Test
    void badLimitsUnknownSlugsAndRenamedOnes() {
        for (String limit : new String[]{"0", "21"}) {
            given().get("/public/v1/articles/harbour-tolls/related?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().get("/public/v1/articles/Not_A_Slug/related").then().statusCode(400).contentType("application/problem+json");

        backends.stubFor(get("/articles/published/nowhere/related?limit=5").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/public/v1/articles/nowhere/related").then().statusCode(404).contentType("application/problem+json");

        backends.stubFor(get("/articles/published/old-tolls/related?limit=3").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://articles/articles/published/harbour-tolls/related?limit=3")));
        given().redirects().follow(false).get("/public/v1/articles/old-tolls/related?limit=3").then().statusCode(301)
                .header("Location", endsWith("/public/v1/articles/harbour-tolls/related?limit=3"));
    }
}
