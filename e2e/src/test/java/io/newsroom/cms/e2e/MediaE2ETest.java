package io.newsroom.cms.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media library through the gateway, as the editor app and readers use it: a multipart upload streams through
 * /api/media to the media service, and the srcset URLs it hands out are served by the gateway's public API, cached
 * for ever. Too large an upload is refused at the gateway with a problem, before anything is forwarded.
 */
@ExtendWith(SystemExtension.class)
class MediaE2ETest {
    private static final String PROBLEM = "application/problem+json";

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random();
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(width), random.nextInt(height), width / 3, height / 3);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void anUploadThroughTheGatewayIsServedToReadersWithItsRenditions() throws Exception {
        Response created = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "newsroom.jpg", jpeg(1800, 1200), "image/jpeg").multiPart("altText", "The newsroom at night")
                .post("/api/media");
        created.then().statusCode(201).contentType("application/json").body("item.readyForPublishing", is(true));
        String src = created.path("item.renditions.'4x3'.src");
        String webp = created.path("item.renditions.original.srcset.webp");

        Response rendition = given().get(src);
        rendition.then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable").header("X-Content-Type-Options", "nosniff");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.asByteArray()));
        assertEquals(1024, image.getWidth());
        assertEquals(768, image.getHeight(), 1);
        given().header("If-None-Match", rendition.header("ETag")).get(src).then().statusCode(304);

        String smallest = webp.split(",")[0].trim().split(" ")[0];
        given().get(smallest).then().statusCode(200).contentType("image/webp");
        given().get("/public/v1/media/" + "0".repeat(64) + "/original-320-50-50.webp").then().statusCode(404).contentType(PROBLEM);
        given().get("/public/v1/media/not-a-hash/original-320-50-50.webp").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/media/renditions/" + "0".repeat(64) + "/original-320-50-50.webp").then().statusCode(404).contentType(PROBLEM);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static Response step(String user, String id, String action) {
        return as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", action))
                .post("/api/articles/" + id + "/transitions");
    }

    /**
     * A picture from the library as an article's hero: the article cannot go live until someone describes the picture,
     * readers then get its srcset and every shape, the library knows where it is used (and will not delete it), and
     * an alt text or focal point edited in the library reaches the published article without republishing.
     */
    @Test
    void aLibraryPictureAsHeroReachesReadersAndFollowsItsLibraryEdits() throws Exception {
        String author = as("root").body(Map.of("displayName", "Hero Picture Author")).post("/api/authors")
                .then().statusCode(201).extract().path("id");
        Response uploaded = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "harbour.jpg", jpeg(1600, 1000), "image/jpeg").post("/api/media");
        uploaded.then().statusCode(201).body("item.readyForPublishing", is(false));
        String mediaId = uploaded.path("item.id");

        // an unknown picture is refused at its field; the library's picture is taken, its URL filled in
        as("alice").body(Map.of("headline", "Harbour cranes", "body", "Text.", "byline", List.of(author),
                        "heroImage", Map.of("mediaId", UUID.randomUUID().toString())))
                .post("/api/articles").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("heroImage.mediaId"));
        String slug = "harbour-cranes-" + UUID.randomUUID().toString().substring(0, 8);
        String id = as("alice").body(Map.of("slug", slug, "headline", "Harbour cranes", "body", "Text.", "byline", List.of(author),
                        "heroImage", Map.of("mediaId", mediaId)))
                .post("/api/articles").then().statusCode(201).body("heroImage.mediaId", is(mediaId))
                .body("heroImage.url", containsString("/public/v1/media/")).extract().path("id");
        // the hero image sent back as the editor API gave it (the library's own URL) is accepted as it is
        Map<String, Object> heroAsGiven = as("alice").get("/api/articles/" + id).path("heroImage");
        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + id))
                .body(Map.of("slug", slug, "headline", "Harbour cranes", "body", "Text, again.", "byline", List.of(author), "heroImage", heroAsGiven))
                .put("/api/articles/" + id).then().statusCode(200).body("heroImage.mediaId", is(mediaId));
        as("alice").get("/api/media/" + mediaId + "/usages").then().statusCode(200)
                .body("items.ref", hasItem(id)).body("items.label", hasItem("Harbour cranes"));

        // no alt text anywhere: it cannot go live
        assertEquals(200, step("alice", id, "submit").statusCode());
        assertEquals(200, step("erin", id, "approve").statusCode());
        step("erin", id, "publish").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("heroImage.alt"));

        String etag = SystemExtension.etag("/api/media/" + mediaId);
        as("erin").header("If-Match", etag).body(Map.of("altText", "Cranes over the harbour at dusk", "credit", "Staff photographer"))
                .put("/api/media/" + mediaId).then().statusCode(200);
        step("erin", id, "publish").then().statusCode(200);

        Response page = given().get("/public/v1/articles/" + slug);
        page.then().statusCode(200).body("heroImage.mediaId", is(mediaId)).body("heroImage.alt", is("Cranes over the harbour at dusk"))
                .body("heroImage.credit", is("Staff photographer")).body("heroImage.width", is(1600)).body("heroImage.height", is(1000))
                .body("heroImage.srcset.webp", containsString(" 1600w")).body("heroImage.renditions.'16x9'.width", is(1600))
                .body("heroImage.renditions.'16x9'.height", is(900));
        String square = page.path("heroImage.renditions.'1x1'.src");
        given().get(square).then().statusCode(200).contentType("image/jpeg");
        given().get("/public/v1/articles?limit=50").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.heroImage.srcset.jpg", containsString("320w"));

        // the library refuses to delete it, or to take its alt text away, while it is used
        etag = SystemExtension.etag("/api/media/" + mediaId);
        as("erin").header("If-Match", etag).delete("/api/media/" + mediaId).then().statusCode(409).contentType(PROBLEM);
        as("erin").header("If-Match", etag).body(Map.of("caption", "No alt")).put("/api/media/" + mediaId)
                .then().statusCode(400).body("errors[0].field", is("altText"));

        // a library edit reaches the published article (media event → articles rewrite → gateway cache) without republishing
        as("erin").header("If-Match", etag).body(Map.of("altText", "Three cranes over the harbour", "focalPoint", Map.of("x", 0.2, "y", 0.3)))
                .put("/api/media/" + mediaId).then().statusCode(200);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Response now;
        while (!"Three cranes over the harbour".equals((now = given().get("/public/v1/articles/" + slug)).path("heroImage.alt"))) {
            assertTrue(System.nanoTime() < until, "the library's edit never reached the article: " + now.asString());
            Thread.sleep(50);
        }
        String movedSquare = now.path("heroImage.renditions.'1x1'.src");
        assertTrue(movedSquare.endsWith("-20-30.jpg"), movedSquare);
        given().get(movedSquare).then().statusCode(200).contentType("image/jpeg");
    }

    /**
     * A library picture as an article's social image: an unknown picture is refused at {@code seo.socialImage.mediaId};
     * the picture taken is a usage of its own ("<headline> (social image)", beside the hero's when the same picture is
     * both), withdrawn when the social image goes; readers' {@code seo.image} is its 16:9 crop about 1200 wide, and a
     * library edit of its alt text reaches it without republishing.
     */
    @Test
    void aLibraryPictureAsSocialImageIsAUsageOfItsOwnAndTheCardsCrop() throws Exception {
        String author = as("root").body(Map.of("displayName", "Social Picture Author")).post("/api/authors")
                .then().statusCode(201).extract().path("id");
        String mediaId = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "ferry.jpg", jpeg(2000, 1200), "image/jpeg").multiPart("altText", "The ferry at the pier")
                .post("/api/media").then().statusCode(201).extract().path("item.id");
        String slug = "ferry-timetable-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> pasted = Map.of("url", "https://img.example/ferry.jpg", "alt", "A ferry");

        as("alice").body(Map.of("slug", slug, "headline", "Ferry timetable", "body", "Text.", "byline", List.of(author),
                        "heroImage", pasted, "seo", Map.of("noindex", false, "socialImage", Map.of("mediaId", UUID.randomUUID().toString()))))
                .post("/api/articles").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("seo.socialImage.mediaId")).body("errors", hasSize(1));
        String id = as("alice").body(Map.of("slug", slug, "headline", "Ferry timetable", "body", "Text.", "byline", List.of(author),
                        "heroImage", pasted, "seo", Map.of("noindex", false, "socialImage", Map.of("mediaId", mediaId))))
                .post("/api/articles").then().statusCode(201).body("seo.socialImage.mediaId", is(mediaId))
                .body("seo.socialImage.url", containsString("16x9")).extract().path("id");
        as("alice").get("/api/media/" + mediaId + "/usages").then().statusCode(200)
                .body("items.ref", contains(id + ":social")).body("items.label", contains("Ferry timetable (social image)"));

        // the same picture as the hero too: two usages; the social image gone, only the hero's is left
        Map<String, Object> body = new java.util.HashMap<>(Map.of("slug", slug, "headline", "Ferry timetable", "body", "Text.",
                "byline", List.of(author), "heroImage", Map.of("mediaId", mediaId), "seo", Map.of("noindex", false, "socialImage", Map.of("mediaId", mediaId))));
        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(body).put("/api/articles/" + id)
                .then().statusCode(200);
        as("alice").get("/api/media/" + mediaId + "/usages").then().body("items.ref", containsInAnyOrder(id, id + ":social"));
        body.put("seo", Map.of("noindex", false));
        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(body).put("/api/articles/" + id)
                .then().statusCode(200).body("seo.socialImage", nullValue());
        as("alice").get("/api/media/" + mediaId + "/usages").then().body("items.ref", contains(id));

        body.put("heroImage", pasted);
        body.put("seo", Map.of("noindex", false, "socialImage", Map.of("mediaId", mediaId)));
        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(body).put("/api/articles/" + id)
                .then().statusCode(200);
        as("alice").get("/api/media/" + mediaId + "/usages").then().body("items.ref", contains(id + ":social"));
        assertEquals(200, step("alice", id, "submit").statusCode());
        assertEquals(200, step("erin", id, "approve").statusCode());
        step("erin", id, "publish").then().statusCode(200);
        Response page = given().get("/public/v1/articles/" + slug);
        page.then().statusCode(200).body("heroImage.url", is("https://img.example/ferry.jpg"))
                .body("seo.image.url", containsString("16x9")).body("seo.image.width", is(1600)).body("seo.image.height", is(900))
                .body("seo.image.alt", is("The ferry at the pier"));
        given().get(page.<String>path("seo.image.url")).then().statusCode(200).contentType("image/jpeg");

        String etag = SystemExtension.etag("/api/media/" + mediaId);
        as("erin").header("If-Match", etag).body(Map.of("altText", "The morning ferry at the pier")).put("/api/media/" + mediaId)
                .then().statusCode(200);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Response now;
        while (!"The morning ferry at the pier".equals((now = given().get("/public/v1/articles/" + slug)).path("seo.image.alt"))) {
            assertTrue(System.nanoTime() < until, "the library's edit never reached the social card: " + now.asString());
            Thread.sleep(50);
        }
    }

    /**
     * The same picture as an author's avatar and as a featured list item's picture: each service reports its own usage
     * (the library lists both and will not delete the picture), readers get the square crop and the srcset, and an
     * alt text edited in the library reaches the author's public profile and the live list without saving either again.
     */
    @Test
    void aLibraryPictureAsAvatarAndAsAListItemsPictureFollowsItsLibraryEdits() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Response uploaded = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "portrait-" + suffix + ".jpg", jpeg(1200, 900), "image/jpeg")
                .multiPart("altText", "A reporter at her desk").post("/api/media");
        uploaded.then().statusCode(201);
        String mediaId = uploaded.path("item.id");

        // the avatar: an unknown picture is refused at its field, the library's is taken
        as("root").body(Map.of("displayName", "Pictured Author " + suffix, "avatar", Map.of("mediaId", UUID.randomUUID().toString())))
                .post("/api/authors").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("avatar.mediaId"));
        Response author = as("root").body(Map.of("displayName", "Pictured Author " + suffix, "avatar", Map.of("mediaId", mediaId)))
                .post("/api/authors");
        author.then().statusCode(201).body("avatar.mediaId", is(mediaId));
        String authorId = author.path("id");
        String authorSlug = author.path("slug");
        given().get("/public/v1/authors/" + authorSlug).then().statusCode(200).body("avatar.mediaId", is(mediaId))
                .body("avatar.alt", is("A reporter at her desk")).body("avatar.width", is(1200))
                .body("avatar.srcset.webp", containsString("320w")).body("avatar.renditions.'1x1'.src", containsString("/public/v1/media/"));

        // the list item's picture, on an article of that author
        String articleSlug = "desk-" + suffix;
        String articleId = as("alice").body(Map.of("slug", articleSlug, "headline", "At the desk " + suffix, "body", "Text.",
                "byline", List.of(authorId))).post("/api/articles").then().statusCode(201).extract().path("id");
        for (String[] s : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            step(s[0], articleId, s[1]).then().statusCode(200);
        }
        String list = "pictured-" + suffix;
        as("carl").body(Map.of("slug", list, "title", "Pictured", "maxItems", 4)).post("/api/lists").then().statusCode(201);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft"))
                .body(Map.of("articleId", articleId, "overrides", Map.of("image", Map.of("mediaId", UUID.randomUUID().toString()))))
                .post("/api/lists/" + list + "/draft/items").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", endsWith("image.mediaId"));
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft"))
                .body(Map.of("articleId", articleId, "overrides", Map.of("image", Map.of("mediaId", mediaId))))
                .post("/api/lists/" + list + "/draft/items").then().statusCode(200);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of())
                .post("/api/lists/" + list + "/publish").then().statusCode(200);
        given().get("/public/v1/lists/" + list).then().statusCode(200).body("items[0].image.mediaId", is(mediaId))
                .body("items[0].image.alt", is("A reporter at her desk")).body("items[0].image.srcset.jpg", containsString("320w"));

        // the library knows both places and keeps the picture
        as("alice").get("/api/media/" + mediaId + "/usages").then().statusCode(200)
                .body("items.kind", hasItems("author", "list-item")).body("items.ref", hasItem(authorId));
        String etag = SystemExtension.etag("/api/media/" + mediaId);
        as("erin").header("If-Match", etag).delete("/api/media/" + mediaId).then().statusCode(409).contentType(PROBLEM);

        // a library edit reaches the profile and the live list without saving either again
        as("erin").header("If-Match", etag).body(Map.of("altText", "The reporter at her desk, smiling"))
                .put("/api/media/" + mediaId).then().statusCode(200);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"The reporter at her desk, smiling".equals(given().get("/public/v1/authors/" + authorSlug).path("avatar.alt"))
                || !"The reporter at her desk, smiling".equals(given().get("/public/v1/lists/" + list).path("items[0].image.alt"))) {
            assertTrue(System.nanoTime() < until, "the library's edit never reached the profile and the list: "
                    + given().get("/public/v1/authors/" + authorSlug).asString() + " " + given().get("/public/v1/lists/" + list).asString());
            Thread.sleep(50);
        }

        // the avatar given up: the library no longer counts the author
        as("root").header("If-Match", SystemExtension.etag("/api/authors/" + authorId))
                .body(Map.of("displayName", "Pictured Author " + suffix)).put("/api/authors/" + authorId).then().statusCode(200);
        as("alice").get("/api/media/" + mediaId + "/usages").then().statusCode(200)
                .body("items.kind", not(hasItem("author"))).body("items.kind", hasItem("list-item"));
    }

    /**
     * A picture pasted as an address is imported into the library through the gateway: fetched by the media service
     * (the local stack allows private sources; production refuses them), taken exactly as an upload, its address kept as
     * the source; the same picture again is the item already there; an address with no picture is a problem at {@code url}.
     */
    @Test
    void aPastedAddressIsImportedIntoTheLibrary() throws Exception {
        byte[] photo = jpeg(1400, 900);
        com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/photos/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/dock.jpg")) {
                exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, photo.length);
                exchange.getResponseBody().write(photo);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        site.start();
        try {
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/photos/dock.jpg";
            Response imported = as("alice").body(Map.of("url", url, "altText", "Containers stacked on the dock")).post("/api/media/imports");
            imported.then().statusCode(201).body("item.altText", is("Containers stacked on the dock")).body("item.width", is(1400))
                    .body("item.source", is(url)).body("item.readyForPublishing", is(true));
            String id = imported.path("item.id");
            given().get((String) imported.path("item.renditions.'16x9'.src")).then().statusCode(200).contentType("image/jpeg");
            as("alice").body(Map.of("url", url)).post("/api/media/imports").then().statusCode(200)
                    .body("alreadyInLibrary", is(true)).body("item.id", is(id));
            as("alice").body(Map.of("url", url.replace("dock.jpg", "gone.jpg"))).post("/api/media/imports")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("url"));
            as("alice").body(Map.of("url", "file:///etc/passwd")).post("/api/media/imports")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("url"));
        } finally {
            site.stop(0);
        }
    }

    @Test
    void tooLargeAnUploadIsRefusedAtTheGateway() {
        given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "huge.jpg", new byte[27 * 1024 * 1024], "image/jpeg").post("/api/media")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("MB"));
        given().multiPart("file", "x.jpg", new byte[10], "image/jpeg").post("/api/media").then().statusCode(401).contentType(PROBLEM);
    }
}
