package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public API's own OpenAPI document: the gateway's generated document (annotations on the public resource, schemas
 * from the typed {@code api} records) cut down to the paths under {@code /public/v1} and the schemas they use. The
 * editor API, the editor app's settings and health stay in {@code /q/openapi}. Made once, on first request.
 */
@ApplicationScoped
public class PublicApiDocument {
    public static final String PREFIX = "/public/v1";
    private static final String DEFAULT_DOCUMENT = "<default>";
    private static final String SCHEMA_REF = "#/components/schemas/";

    @Inject
    OpenApiDocumentService documents;

    @Inject
    ObjectMapper json;

    private volatile byte[] document;

    public byte[] json() {
        byte[] made = document;
        if (made == null) {
            made = make();
            document = made;
        }
        return made;
    }

    private byte[] make() {
        try {
            ObjectNode full = (ObjectNode) json.readTree(documents.getDocument(DEFAULT_DOCUMENT, Format.JSON));
            ObjectNode paths = json.createObjectNode();
            full.path("paths").properties().stream().filter(path -> path.getKey().startsWith(PREFIX))
                    .forEach(path -> paths.set(path.getKey(), path.getValue()));
            ObjectNode schemas = json.createObjectNode();
            JsonNode all = full.path("components").path("schemas");
            Set<String> used = new TreeSet<>();
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.push(paths);
            while (!todo.isEmpty()) {
                JsonNode node = todo.pop();
                if (node.isObject() && node.path("$ref").isTextual() && node.path("$ref").asText().startsWith(SCHEMA_REF)) {
                    String name = node.path("$ref").asText().substring(SCHEMA_REF.length());
                    if (used.add(name) && all.has(name)) {
                        todo.push(all.get(name));
                    }
                }
                for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                    todo.push(children.next());
                }
            }
            used.stream().filter(all::has).forEach(name -> schemas.set(name, all.get(name)));

            ObjectNode doc = json.createObjectNode();
            doc.set("openapi", full.path("openapi"));
            doc.set("info", json.valueToTree(Map.of("title", "Newsroom CMS public content API", "version", full.path("info").path("version").asText("1"),
                    "description", "Published content for readers' sites and apps: anonymous, ETag + Cache-Control, 304 on If-None-Match,"
                            + " the last good answer (Age, Warning: 110) while a service is down. Errors are RFC 9457 problem+json.")));
            doc.set("paths", paths);
            doc.putObject("components").set("schemas", schemas);
            return json.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the generated OpenAPI document", e);
        }
    }
}
