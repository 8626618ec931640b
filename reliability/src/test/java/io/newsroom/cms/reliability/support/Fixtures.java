package io.newsroom.cms.reliability.support;

import io.newsroom.cms.devstack.MultipartForm;

import com.fasterxml.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the attacks are aimed at, made through the gateway as the newsroom would make it: an author linked to alice's
 * account (with a private email that must never reach the wrong reader), a published article and a draft by alice,
 * and a published featured list. Each suite makes its own, so suites do not depend on each other.
 */
public final class Fixtures {
    public final String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public final String email = "alice." + marker + "@private.example";
    /** The default section (made by the articles service's migration): every article starts in it unless it names another. */
    public static final String SECTION_ID = "00000000-0000-4000-8000-00000000000a";
    public static final String SECTION_SLUG = "news";
    public String authorId;
    public String authorSlug;
    public String publishedId;
    public String publishedSlug;
    public String draftId;
    /** The token of a preview link of the draft, made by an editor: the preview page and its opening are attacked with it. */
    public String previewToken;
    public String listSlug;
    public String webhookId;
    public String deliveryId;
    public String mediaId;
    public String mediaHash;

    public static Fixtures make() {
        Fixtures f = new Fixtures();
        f.create();
        return f;
    }

    private void create() {
        // one author per account: a second fixture set takes the account over from the first
        JsonNode page = call("root", "GET", "/api/authors?q=alice&size=100", null, null).json();
        for (JsonNode existing : page.path("items")) {
            if ("alice".equals(existing.path("username").asText())) {
                Http.Answer current = call("root", "GET", "/api/authors/" + existing.path("id").asText(), null, null);
                JsonNode a = current.json();
                expect(200, call("root", "PUT", "/api/authors/" + a.path("id").asText(), current.header("etag"),
                        Map.of("slug", a.path("slug").asText(), "displayName", a.path("displayName").asText())));
            }
        }
        JsonNode author = expect(201, call("root", "POST", "/api/authors", null, Map.of("displayName", "Alice Archer " + marker,
                "jobTitle", "Reporter", "username", "alice", "email", email))).json();
        authorId = author.path("id").asText();
        authorSlug = author.path("slug").asText();

        // the first byline claim of a freshly (re)started articles service may outlast its 2 s timeout on a busy machine:
        // that is a 503 problem with Retry-After, and a client retries it
        Http.Answer published = expectRetrying(201, () -> call("alice", "POST", "/api/articles", null, Map.of("headline", "Published " + marker,
                "dek", "A published fixture", "body", "Body of the published fixture.", "tags", List.of("trust"), "byline", List.of(authorId))));
        publishedId = published.json().path("id").asText();
        publishedSlug = published.json().path("slug").asText();
        transitions(publishedId, published.header("etag"), "alice:submit", "erin:approve", "erin:publish");

        Http.Answer draft = expectRetrying(201, () -> call("alice", "POST", "/api/articles", null, Map.of("headline", "Draft " + marker,
                "body", "Body of the draft fixture.", "byline", List.of(authorId))));
        draftId = draft.json().path("id").asText();
        previewToken = expect(201, call("erin", "POST", "/api/articles/" + draftId + "/previews", null,
                Map.of("label", "Trust " + marker))).json().path("token").asText();

        listSlug = "trust-" + marker;
        expect(201, call("carl", "POST", "/api/lists", null, Map.of("slug", listSlug, "title", "Trust " + marker, "maxItems", 6)));
        expect(200, call("carl", "POST", "/api/lists/" + listSlug + "/draft/items", etag("/api/lists/" + listSlug + "/draft"),
                Map.of("articleId", publishedId)));
        expect(200, call("carl", "POST", "/api/lists/" + listSlug + "/publish", etag("/api/lists/" + listSlug + "/draft"), Map.of()));

        // a webhook endpoint with one delivery in its log (a ping to a port nobody listens on)
        webhookId = expect(201, call("root", "POST", "/api/webhooks", null, Map.of("url", "http://127.0.0.1:9/trust-" + marker,
                "events", List.of("article.published"), "kind", "standard"))).json().path("id").asText();
        expect(202, call("root", "POST", "/api/webhooks/" + webhookId + "/ping", null, null));
        deliveryId = expect(200, call("root", "GET", "/api/webhooks/" + webhookId + "/deliveries", null, null)).json()
                .path("items").path(0).path("id").asText();

        // a picture in the media library, uploaded through the gateway as the editor app does
        JsonNode media = expect(201, upload("alice", "trust-" + marker + ".png", picture(marker), Map.of("altText", "Trust " + marker)))
                .json().path("item");
        mediaId = media.path("id").asText();
        mediaHash = media.path("contentHash").asText();
    }

    /** A small PNG only this {@code seed} makes. */
    private static byte[] picture(String seed) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed.hashCode() & 0xffffff));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code POST /api/media} as {@code multipart/form-data}: the file part and the given fields. */
    public static Http.Answer upload(String user, String fileName, byte[] bytes, Map<String, String> fields) {
        MultipartForm form = MultipartForm.of(fields, fileName, "application/octet-stream", bytes);
        Map<String, String> headers = new java.util.LinkedHashMap<>(TrustStack.auth(user));
        headers.put("Content-Type", form.contentType());
        return Http.sendBytes("POST", TrustStack.gateway() + "/api/media", headers, form.body());
    }

    /** The ETags of every fixture, to show that no attack changed any of them. */
    public Map<String, String> etags() {
        return Map.of("author", etag("/api/authors/" + authorId), "published article", etag("/api/articles/" + publishedId),
                "draft article", etag("/api/articles/" + draftId), "list", etag("/api/lists/" + listSlug),
                "list draft", etag("/api/lists/" + listSlug + "/draft"), "media item", etag("/api/media/" + mediaId));
    }

    /** Runs workflow steps ({@code "user:action"}) one after another, each with the ETag the previous gave. */
    public static String transitions(String articleId, String etag, String... steps) {
        String current = etag;
        for (String step : steps) {
            String[] s = step.split(":");
            current = expect(200, call(s[0], "POST", "/api/articles/" + articleId + "/transitions", current, Map.of("action", s[1])))
                    .header("etag");
        }
        return current;
    }

    public static String etag(String path) {
        return expect(200, call("root", "GET", path, null, null)).header("etag");
    }

    /** A call through the gateway as {@code user} (null: anonymous), with If-Match when given, JSON body when given. */
    public static Http.Answer call(String user, String method, String path, String ifMatch, Object body) {
        return callAt(user, method, TrustStack.gateway() + path, ifMatch, body);
    }

    /** Like {@link #call}, to any URL (a service or a replica directly). */
    public static Http.Answer callAt(String user, String method, String url, String ifMatch, Object body) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(TrustStack.auth(user));
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return Http.send(new Http.Call(method, url, headers, body == null ? null : Http.json(body)));
    }

    /** Like {@link #expect}, calling again (up to 5 times) while the answer is a 503 problem with Retry-After. */
    public static Http.Answer expectRetrying(int status, java.util.function.Supplier<Http.Answer> call) {
        Http.Answer answer = call.get();
        for (int attempt = 1; attempt < 5 && answer.status() == 503 && answer.isProblem() && answer.header("retry-after") != null; attempt++) {
            String seconds = answer.header("retry-after").trim();
            Load.sleep(seconds.matches("\\d{1,3}") ? Math.min(2_000, 1_000L * Long.parseLong(seconds)) : 1_000);
            answer = call.get();
        }
        return expect(status, answer);
    }

    public static Http.Answer expect(int status, Http.Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer);
        }
        return answer;
    }
}
