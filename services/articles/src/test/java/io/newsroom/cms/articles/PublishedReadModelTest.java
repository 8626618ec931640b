package io.newsroom.cms.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.client.AuthorsClient;
import io.newsroom.cms.articles.published.BylineAuthors;
import io.newsroom.cms.common.http.ContentTags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read model stores exactly what readers get: the article page and the list items are the public API's JSON,
 * written when published and rewritten when an author changes; the published endpoints pass them through.
 */
@QuarkusTest
class PublishedReadModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ARTICLE_FIELDS = List.of("id", "slug", "headline", "dek", "bodyHtml", "heroImage",
            "tags", "publishedAt", "updatedAt", "revision", "authors", "authorsDegraded", "section", "sections", "seo",
            "corrections");
    private static final List<String> ITEM_FIELDS = List.of("id", "slug", "headline", "dek", "heroImage", "tags",
            "publishedAt", "updatedAt", "authors", "section");

    @Inject
    EntityManager em;

    @Inject
    BylineAuthors bylineAuthors;

    @Inject
    AuthorsClient authorsClient;

    private String publish(Map<String, Object> body) {
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        return id;
    }

    private String stored(String column, String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select " + column + " from published_article where article_id = cast(:id as uuid)").setParameter("id", id)
                .getSingleResult());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theStoredJsonIsExactlyWhatReadersGet() throws Exception {
        String writer = author("Read Model Writer", true);
        Map<String, Object> body = article(unique("Read model"), List.of(writer));
        body.put("body", "Some **Markdown** here");
        body.put("tags", List.of("Harbour"));
        String id = publish(body);
        String slug = as("erin").get("/articles/" + id).path("slug");

        String document = stored("document", id);
        Response page = given().get("/articles/published/" + slug);
        page.then().statusCode(200).contentType("application/json");
        assertEquals(document, page.asString(), "the article page is the stored JSON, byte for byte");
        assertEquals(ContentTags.of(page.asByteArray()), page.header("ETag"), "the ETag stored with it is the one of its bytes");
        assertNull(page.header("Warning"), "a complete author box");
        JsonNode article = JSON.readTree(document);
        assertEquals(ARTICLE_FIELDS, fields(article));
        assertEquals("<p>Some <strong>Markdown</strong> here</p>\n", article.path("bodyHtml").asText());
        assertEquals(writer, article.path("authors").path(0).path("id").asText());
        assertFalse(article.path("authorsDegraded").asBoolean());
        assertFalse(document.contains("Some **Markdown**"), "no Markdown body in what readers get");

        String item = stored("item", id);
        JsonNode listed = JSON.readTree(given().get("/articles/published?author=" + writer).then().statusCode(200)
                .extract().asString());
        assertEquals(JSON.readTree(item), listed.path("items").path(0));
        assertEquals(ITEM_FIELDS, fields(listed.path("items").path(0)));
        assertEquals(List.of("id", "slug", "displayName"), fields(listed.path("items").path(0).path("authors").path(0)));
        assertEquals(List.of("items", "nextCursor"), fields(listed));
        JsonNode found = JSON.readTree(given().get("/articles/published/search?q=" + body.get("headline")).then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("items", "nextCursor"), fields(found));
        // a search result is the stored item and its passage of text with the words searched for
        com.fasterxml.jackson.databind.node.ObjectNode hit = (com.fasterxml.jackson.databind.node.ObjectNode) found.path("items").path(0);
        assertTrue(hit.path("snippet").asText().contains("<mark>"), hit.toString());
        hit.remove("snippet");
        assertEquals(JSON.readTree(item), hit);
    }

    @Test
    void anAuthorsRenameRewritesTheStoredJson() throws Exception {
        String writer = author("Before Rename", true);
        String id = publish(article(unique("Renamed author"), List.of(writer)));
        assertTrue(stored("document", id).contains("\"Before Rename\""));

        String authorsUrl = ConfigProvider.getConfig().getValue("cms.test.sibling.authors.url", String.class);
        Response profile = as("root").baseUri(authorsUrl).get("/authors/" + writer);
        Map<String, Object> renamed = new HashMap<>(Map.of("displayName", "After Rename", "slug", unique("after-rename")));
        as("root").baseUri(authorsUrl).header("If-Match", profile.header("ETag")).body(renamed).put("/authors/" + writer)
                .then().statusCode(200);
        // the profile event (AuthorProfileEvents) may have copied it already; the changes feed must bring it either way
        bylineAuthors.sync();

        JsonNode document = JSON.readTree(stored("document", id));
        assertEquals("After Rename", document.path("authors").path(0).path("displayName").asText());
        assertEquals("After Rename", JSON.readTree(stored("item", id)).path("authors").path(0).path("displayName").asText());
        assertFalse(stored("document", id).contains("Before Rename"));
        publishedView(id).then().statusCode(200).body("authors[0].displayName", is("After Rename"));
    }

    @Test
    void noRemoteCallWhileATransactionIsActive() {
        String writer = author("Claimed Outside", true);
        // a save claims its authors outside the transaction, so it works
        String id = create("alice", article(unique("Claimed"), List.of(writer))).then().statusCode(201).extract().path("id");
        as("erin").get("/articles/" + id).then().statusCode(200).body("byline[0]", is(writer));
        // a call inside a transaction is refused before anything is sent
        IllegalStateException refused = QuarkusTransaction.requiringNew().call(() -> assertThrows(IllegalStateException.class,
                () -> authorsClient.claim(UUID.randomUUID(), List.of(UUID.fromString(writer)), List.of(0))));
        assertTrue(refused.getMessage().contains("inside a transaction"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(bylineAuthors::sync));
    }
}
