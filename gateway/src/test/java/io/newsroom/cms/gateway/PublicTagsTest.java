package io.newsroom.cms.gateway;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Tags on the gateway: the public index and a tag (an old slug redirects), cached with ETag and a surrogate key but not
 * kept fresh by the articles' events (a tag is renamed or described without one); an unknown tag in a filter stays a
 * 404 problem; the answers match the public document; the editor API forwards {@code /api/tags} to the articles service.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PublicTagsTest extends StubbedBackendsTest {
    static final String TAG = "{\"slug\":\"cloud-computing\",\"name\":\"cloud computing\",\"description\":\"Outages and prices\",\"articles\":3}";
    static final String INDEX = "{\"items\":[" + TAG + ",{\"slug\":\"policy\",\"name\":\"policy\",\"description\":null,\"articles\":1}],"
            + "\"nextCursor\":\"dGFnc3wxfHBvbGljeQ\"}";
    static final String LAST_PAGE = "{\"items\":[{\"slug\":\"weather\",\"name\":\"weather\",\"description\":null,\"articles\":1}],\"nextCursor\":null}";

    @Test
    void theIndexAndATagPassThroughAndAnOldSlugRedirects() throws Exception {
        backends.stubFor(get("/tags/published?limit=100").willReturn(okJson(INDEX)));
        String etag = given().get("/public/v1/tags").then().statusCode(200).header("Cache-Control", startsWith("public"))
                .header("Surrogate-Key", org.hamcrest.Matchers.containsString("tags")).header("ETag", notNullValue())
                .extract().header("ETag");
        assertArrayEquals(INDEX.getBytes(StandardCharsets.UTF_8), given().get("/public/v1/tags").then().statusCode(200).extract().asByteArray());
        given().header("If-None-Match", etag).get("/public/v1/tags").then().statusCode(304);
        backends.verify(1, getRequestedFor(urlEqualTo("/tags/published?limit=100")));
        // not kept fresh by the articles' events: a tag is renamed or described without one
        clock.advance(Duration.ofSeconds(5));
        given().get("/public/v1/tags").then().statusCode(200).body("items[0].articles", is(3));
        backends.verify(2, getRequestedFor(urlEqualTo("/tags/published?limit=100")));

        // the next page: the cursor and the limit go to the articles service as they came; a bad limit never does
        backends.stubFor(get("/tags/published?limit=2&cursor=dGFnc3wxfHBvbGljeQ").willReturn(okJson(LAST_PAGE)));
        given().get("/public/v1/tags?limit=2&cursor=dGFnc3wxfHBvbGljeQ").then().statusCode(200)
                .body("items[0].slug", is("weather")).body("nextCursor", org.hamcrest.Matchers.nullValue());
        backends.stubFor(get("/tags/published?limit=100&cursor=junk").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":400,\"title\":\"Invalid request\"}")));
        given().get("/public/v1/tags?cursor=junk").then().statusCode(400).contentType("application/problem+json");
        for (String limit : List.of("0", "501", "many", "1.5")) {
            given().get("/public/v1/tags?limit=" + limit).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.contains("limit"));
        }
        backends.verify(0, getRequestedFor(urlPathEqualTo("/tags/published")).withQueryParam("limit", notMatching("2|100")));

        backends.stubFor(get("/tags/published/cloud-computing").willReturn(okJson(TAG)));
        given().get("/public/v1/tags/cloud-computing").then().statusCode(200).body("name", is("cloud computing"));
        backends.stubFor(get("/tags/published/cloud").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://articles/tags/published/cloud-computing")));
        given().redirects().follow(false).get("/public/v1/tags/cloud").then().statusCode(301)
                .header("Location", endsWith("/public/v1/tags/cloud-computing"));
        backends.stubFor(get("/tags/published/nowhere").willReturn(aResponse().withStatus(404)));
        given().get("/public/v1/tags/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().get("/public/v1/tags/Not_A_Slug").then().statusCode(400).contentType("application/problem+json");

        PublicApiContractTest.Contract contract = PublicApiContractTest.Contract.of(given().get("/public/v1/openapi.json").asString());
        contract.check("/public/v1/tags", INDEX);
        contract.check("/public/v1/tags/{slug}", given().get("/public/v1/tags/cloud-computing").asString());
    }

    @Test
    void anUnknownTagInTheFilterIsAProblemNeverAnUnfilteredPage() {
        backends.stubFor(get("/articles/published?limit=10&tag=no-such-tag").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/public/v1/articles?tag=no-such-tag").then().statusCode(404).contentType("application/problem+json");
        // the service's own words reach the reader: which tag was not found, which parameter is wrong
        backends.stubFor(get("/articles/published?limit=10&tag=gone-tag").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://newsroom.example/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"Tag 'gone-tag' not found\",\"instance\":\"/articles/published\"}")));
        given().get("/public/v1/articles?tag=gone-tag").then().statusCode(404).contentType("application/problem+json")
                .body("detail", is("Tag 'gone-tag' not found")).body("instance", org.hamcrest.Matchers.nullValue());
        backends.stubFor(get("/tags/published?limit=100&cursor=bad-one").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"detail\":\"cursor: is not a cursor this API issued for the tags\","
                        + "\"errors\":[{\"field\":\"cursor\",\"message\":\"is not a cursor this API issued for the tags\"}]}")));
        given().get("/public/v1/tags?cursor=bad-one").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("cursor")).body("detail", is("cursor: is not a cursor this API issued for the tags"));
        backends.stubFor(get("/articles/published?limit=10&tag=cloud").willReturn(okJson(PublicJson.page(null, PublicJson.summary("in-cloud", "Dek")))));
        given().get("/public/v1/articles?tag=cloud").then().statusCode(200).body("items[0].slug", is("in-cloud"));
    }

    @Test
    void theEditorApiForwardsTagsToTheArticlesService() {
        backends.stubFor(post("/tags/k8s/merge").willReturn(okJson("{\"slug\":\"kubernetes\"}").withHeader("ETag", "\"4\"")));
        given().header("Authorization", TestTokens.bearer("erin")).header("If-Match", "\"2\"").contentType("application/json")
                .body("{\"into\":\"kubernetes\"}").post("/api/tags/k8s/merge")
                .then().statusCode(200).header("ETag", is("\"4\"")).body("slug", is("kubernetes"));
        backends.verify(postRequestedFor(urlEqualTo("/tags/k8s/merge")).withHeader("If-Match", equalTo("\"2\"")));
        backends.resetRequests();
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/tags/published").then().statusCode(404)
                .contentType("application/problem+json");
        backends.verify(0, getRequestedFor(anyUrl()));
        given().get("/api/tags").then().statusCode(401);
    }
}
