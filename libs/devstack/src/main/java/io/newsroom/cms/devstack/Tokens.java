package io.newsroom.cms.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from Keycloak for the demo users (password grant on the local-only {@code cms-cli} client). */
public final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String issuer;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtNanos) {
    }

    public Tokens(String issuer) {
        this.issuer = issuer;
    }

    /** A current access token for {@code user} (password = username, as in the demo realm); one login at a time. */
    public synchronized String of(String user) {
        Cached cached = cache.get(user);
        if (cached != null && cached.expiresAtNanos - System.nanoTime() > Duration.ofSeconds(30).toNanos()) {
            return cached.token;
        }
        JsonNode body = grant(user, user);
        String token = body.path("access_token").asText();
        cache.put(user, new Cached(token, System.nanoTime() + Duration.ofSeconds(body.path("expires_in").asLong(60)).toNanos()));
        return token;
    }

    /** A new token for {@code user} now, whatever is cached: a full lifetime ahead (e.g. before Keycloak goes away). */
    public synchronized String refresh(String user) {
        cache.remove(user);
        return of(user);
    }

    /** The raw token-endpoint answer for a username/password pair; fails on anything but 200. */
    public JsonNode grant(String user, String password) {
        return token("grant_type=password&client_id=cms-cli&scope=openid&username=" + enc(user) + "&password=" + enc(password), user);
    }

    /**
     * A service account's access token (client credentials), e.g. the articles service's: client {@code cms-articles}
     * with the realm's local-development secret.
     */
    public synchronized String service(String clientId, String secret) {
        Cached cached = cache.get("client:" + clientId);
        if (cached != null && cached.expiresAtNanos - System.nanoTime() > Duration.ofSeconds(30).toNanos()) {
            return cached.token;
        }
        JsonNode body = token("grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret), clientId);
        String token = body.path("access_token").asText();
        cache.put("client:" + clientId, new Cached(token, System.nanoTime() + Duration.ofSeconds(body.path("expires_in").asLong(60)).toNanos()));
        return token;
    }

    /** The articles service's token, as it gets it itself (see the realm's {@code cms-articles} client). */
    public String articlesService() {
        return service("cms-articles", ARTICLES_CLIENT_SECRET);
    }

    /** The local-development secret of the realm's {@code cms-articles} client (deploy/keycloak/cms-realm.json). */
    public static final String ARTICLES_CLIENT_SECRET = "local-dev-articles-secret";

    /** The authors service's token (client {@code cms-authors}: avatar pictures' usage). */
    public String authorsService() {
        return service("cms-authors", AUTHORS_CLIENT_SECRET);
    }

    /** The local-development secret of the realm's {@code cms-authors} client. */
    public static final String AUTHORS_CLIENT_SECRET = "local-dev-authors-secret";

    /** The curation service's token (client {@code cms-curation}: list items' pictures' usage). */
    public String curationService() {
        return service("cms-curation", CURATION_CLIENT_SECRET);
    }

    /** The local-development secret of the realm's {@code cms-curation} client. */
    public static final String CURATION_CLIENT_SECRET = "local-dev-curation-secret";

    private JsonNode token(String form, String who) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = Net.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token for " + who + " refused: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
