package io.newsroom.cms.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;

/** One rendered object: its identity, the typed model and the raw tree it was parsed from. */
public record Manifest(String apiVersion, String kind, String name, String namespace, Object object, JsonNode raw) {

    public String id() {
        return kind + "/" + name;
    }

    @Override
    public String toString() {
        return id();
    }
}
