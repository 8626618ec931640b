package io.newsroom.cms.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the gateway as a demo user (real Keycloak token) would; used to load demo and benchmark content. */
public final class GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String gateway;
    private final Tokens tokens;

    public GatewayClient(String gatewayUrl, String issuer) {
        this.gateway = gatewayUrl;
        this.tokens = new Tokens(issuer);
    }

    /** {@code user} null: anonymous; {@code body} is sent as JSON when not null. */
    public HttpResponse<String> send(String method, String path, String user, String ifMatch, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
            if (user != null) {
                request.header("Authorization", "Bearer " + tokens.of(user));
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return Net.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Uploads a picture to the media library ({@code POST /api/media}, {@code multipart/form-data}: the file part and
     * the description's fields) as {@code user}; the item's id. The same bytes again answer the item already there.
     */
    public String upload(String user, String fileName, byte[] bytes, java.util.Map<String, String> fields) {
        MultipartForm form = MultipartForm.of(fields, fileName, "application/octet-stream", bytes);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/media")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens.of(user))
                    .header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build();
            HttpResponse<String> response = Net.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("POST /api/media (" + fileName + ") answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("item").path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("POST /api/media: gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #send} but fails unless the answer has the expected status. */
    public HttpResponse<String> expect(int status, String method, String path, String user, String ifMatch, Object body) {
        HttpResponse<String> response = send(method, path, user, ifMatch, body);
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** The ETag of an answer (every change of a versioned resource sends it back as If-Match). */
    public static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag in " + response.uri()));
    }

    /**
     * Runs workflow actions on an article one after another, each with the ETag the previous answer gave: {@code steps}
     * are {user, action} pairs.
     */
    public void transitions(String articleId, String etag, String[]... steps) {
        String current = etag;
        for (String[] step : steps) {
            current = etag(expect(200, "POST", "/api/articles/" + articleId + "/transitions", step[0], current, java.util.Map.of("action", step[1])));
        }
    }

    /** The {@code id} of a JSON answer. */
    public static String id(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
