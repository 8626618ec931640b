package io.newsroom.cms.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of a part's HTTP API as its OpenAPI document lists it ({@code /q/openapi}): the suite enumerates the
 * endpoints from there, so a new endpoint is attacked (and needs an expectation) in the change that adds it.
 */
public record Endpoint(String part, String method, String path, List<String> queryParams, List<String> requiredQuery, boolean body) {

    /** {@code "POST /articles/{id}/transitions"}. */
    public String key() {
        return method + " " + path;
    }

    /**
     * Internal reads, the articles service's byline claims and the opening of a preview link (the gateway's preview page
     * asks it): not forwarded by the gateway's editor API.
     */
    public boolean internal() {
        return path.startsWith("/articles/published") || path.startsWith("/sections/published") || path.startsWith("/tags/published") || path.startsWith("/authors/public") || path.startsWith("/authors/byline-claims")
                || path.startsWith("/lists/public") || path.startsWith("/media/renditions") || path.startsWith("/previews");
    }

    @Override
    public String toString() {
        return part + ": " + key();
    }

    /** Every operation of {@code part}'s OpenAPI document at {@code baseUrl}. */
    public static List<Endpoint> of(String part, String baseUrl) {
        Http.Answer answer = Http.send(new Http.Call("GET", baseUrl + "/q/openapi?format=json", Map.of(), null));
        if (answer.status() != 200) {
            throw new IllegalStateException(part + " has no OpenAPI document: " + answer);
        }
        List<Endpoint> endpoints = new ArrayList<>();
        JsonNode paths = answer.json().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = o.next();
                List<String> query = new ArrayList<>();
                List<String> required = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (parameter.path("in").asText().equals("query")) {
                        query.add(parameter.path("name").asText());
                        if (parameter.path("required").asBoolean(false)) {
                            required.add(parameter.path("name").asText());
                        }
                    }
                }
                endpoints.add(new Endpoint(part, operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), query, required,
                        operation.getValue().has("requestBody")));
            }
        }
        return endpoints;
    }
}
