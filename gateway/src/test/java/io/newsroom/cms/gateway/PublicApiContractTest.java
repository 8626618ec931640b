package io.newsroom.cms.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API's own OpenAPI document ({@code /public/v1/openapi.json}) lists the public paths only, and the answers
 * the gateway actually sends validate against the schemas it gives for them (networknt's JSON Schema validator). A
 * schema that says what is not sent, or an answer with a field the schema does not name, fails here.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PublicApiContractTest extends StubbedBackendsTest {
    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void theDocumentHasThePublicPathsOnly() throws Exception {
        JsonNode doc = JSON.readTree(given().get("/public/v1/openapi.json").then().statusCode(200)
                .contentType("application/json").extract().asString());
        Set<String> paths = new TreeSet<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(new TreeSet<>(List.of("/public/v1/articles", "/public/v1/articles/{slug}", "/public/v1/articles/{slug}/related", "/public/v1/authors/{slug}",
                "/public/v1/lists/{slug}", "/public/v1/media/{hash}/{name}", "/public/v1/search", "/public/v1/feed.xml", "/public/v1/sitemap.xml",
                "/public/v1/openapi.json",
                // feeds, sitemaps, the index of authors
                "/public/v1/feed.atom", "/public/v1/feed.json", "/public/v1/tags/{tag}/feed.xml", "/public/v1/tags/{tag}/feed.atom",
                "/public/v1/tags/{tag}/feed.json", "/public/v1/sections/{slug}/feed.xml", "/public/v1/sections/{slug}/feed.atom", "/public/v1/sections/{slug}/feed.json", "/public/v1/sitemaps/articles-{n}.xml", "/public/v1/sitemap-news.xml",
                "/public/v1/authors",
                // sections
                "/public/v1/sections", "/public/v1/sections/{slug}",
                // tags
                "/public/v1/tags", "/public/v1/tags/{slug}")), paths);
        assertTrue(doc.path("components").path("schemas").has("PublicArticle"));
        assertFalse(doc.path("components").path("schemas").has("FrontendConfig"), "the editor app's settings are not public API");
    }

    @Test
    void realAnswersValidateAgainstTheDocumentsSchemas() throws Exception {
        backends.stubFor(get("/articles/published/contract").willReturn(okJson(PublicJson.article("contract", false))));
        backends.stubFor(get(urlPathEqualTo("/articles/published")).willReturn(okJson(
                PublicJson.page("Y3Vy", PublicJson.summary("one", "Dek"), PublicJson.summary("two", null)))));
        backends.stubFor(get(urlPathEqualTo("/articles/published/search")).willReturn(okJson(PublicJson.search(PublicJson.summary("hit", "Dek")))));
        backends.stubFor(get("/authors/public/by-slug/jane-doe").willReturn(okJson(PublicJson.profile("jane-doe", "Jane Doe"))));
        backends.stubFor(get("/lists/public/featured").willReturn(okJson(PublicJson.list("featured"))));

        Contract contract = Contract.of(given().get("/public/v1/openapi.json").asString());
        contract.check("/public/v1/articles/{slug}", given().get("/public/v1/articles/contract").then().statusCode(200).extract().asString());
        contract.check("/public/v1/articles", given().get("/public/v1/articles").then().statusCode(200).extract().asString());
        contract.check("/public/v1/search", given().get("/public/v1/search?q=hit").then().statusCode(200).extract().asString());
        contract.check("/public/v1/authors/{slug}", given().get("/public/v1/authors/jane-doe").then().statusCode(200).extract().asString());
        contract.check("/public/v1/lists/{slug}", given().get("/public/v1/lists/featured").then().statusCode(200).extract().asString());
        backends.stubFor(get(urlPathEqualTo("/authors/public/active")).willReturn(okJson("{\"items\":[" + PublicJson.profile("jane-doe", "Jane Doe")
                + "],\"nextCursor\":null}")));
        contract.check("/public/v1/authors", given().get("/public/v1/authors").then().statusCode(200).extract().asString());
        contract.check("/public/v1/feed.json", given().get("/public/v1/feed.json").then().statusCode(200).extract().asString(),
                "application/feed+json");

        // and the check has teeth: the Markdown body or the internal byline would not pass
        ObjectNode leaking = (ObjectNode) JSON.readTree(PublicJson.article("leak", false));
        leaking.put("body", "# raw");
        assertFalse(contract.errors("/public/v1/articles/{slug}", leaking.toString()).isEmpty());
    }

    /** The document's schema for a path's 200 JSON answer, with the document's components to resolve its references. */
    record Contract(JsonNode doc) {
        static Contract of(String document) throws Exception {
            return new Contract(JSON.readTree(document));
        }

        List<Error> errors(String path, String answer) throws Exception {
            return errors(path, answer, "application/json");
        }

        List<Error> errors(String path, String answer, String mediaType) throws Exception {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.setAll((ObjectNode) doc.path("paths").path(path).path("get").path("responses").path("200")
                    .path("content").path(mediaType).path("schema"));
            root.set("components", doc.path("components"));
            assertTrue(root.size() > 2, "no schema for " + path);
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString(), InputFormat.JSON);
            return schema.validate(answer, InputFormat.JSON);
        }

        void check(String path, String answer) throws Exception {
            check(path, answer, "application/json");
        }

        void check(String path, String answer, String mediaType) throws Exception {
            assertEquals(List.of(), errors(path, answer, mediaType).stream().map(Error::toString).toList(), path + ": " + answer);
        }
    }
}
