package io.newsroom.cms.deploy.support;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prod realm is the local realm (deploy/keycloak/cms-realm.json) made fit for production:
 * without the direct-grants client cms-cli, without the demo users (the service-account users of
 * the remaining clients stay), with every client secret placeholder's local default removed
 * ({@code ${VAR:default}} becomes {@code ${VAR}}, so production must provide VAR), and with the
 * editor app's local address replaced by its public one. The prod overlay keeps the result as a
 * file (a ConfigMap generator cannot patch JSON); the tests rebuild it here so the two cannot drift.
 */
public final class Realms {

    public static final String TEST_ONLY_CLIENT = "cms-cli";
    public static final String EDITOR_CLIENT = "cms-editor";
    public static final String LOCAL_EDITOR_ORIGIN = "http://localhost:8080";
    /** Where the browser tests run the editor app (e2e); never part of a deployed realm. */
    public static final String TEST_EDITOR_ORIGIN = "http://localhost:18080";
    /** The articles service's own client (client credentials), its service-account user's only role. */
    public static final String ARTICLES_CLIENT = "cms-articles";
    public static final String ARTICLES_SERVICE_ROLE = "articles-service";

    /**
     * A service's own realm client (client credentials only), and how the two sides get its secret: the application
     * logging in with it ({@code QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET}), its service-account user's only realm role,
     * the variable Keycloak fills the realm file's secret placeholder from at import, and the Secret (key
     * {@link #SERVICE_CLIENT_SECRET_KEY}) both read.
     */
    public record ServiceClient(String application, String clientId, String role, String secretVariable, String secret) {
        @Override
        public String toString() {
            return clientId;
        }
    }

    /** The key of every service client's Secret. */
    public static final String SERVICE_CLIENT_SECRET_KEY = "client-secret";

    /**
     * Every client of the realm with a service account: the articles service (byline claims on authors, picture usages
     * on media), the authors and curation services (picture usages on media). One Secret each, never shared.
     */
    public static final List<ServiceClient> SERVICE_CLIENTS = List.of(
            new ServiceClient("articles", ARTICLES_CLIENT, ARTICLES_SERVICE_ROLE, "CMS_ARTICLES_CLIENT_SECRET", "articles-oidc-client"),
            new ServiceClient("authors", "cms-authors", "authors-service", "CMS_AUTHORS_CLIENT_SECRET", "authors-oidc-client"),
            new ServiceClient("curation", "cms-curation", "curation-service", "CMS_CURATION_CLIENT_SECRET", "curation-oidc-client"));

    /**
     * A Keycloak import placeholder for an environment variable, {@code ${NAME}} or
     * {@code ${NAME:default}}: group 1 is the name, group 2 the default (null without one).
     */
    public static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Realms() {
    }

    public static Path baseRealmFile() {
        return Project.deployDir().resolve("keycloak/cms-realm.json");
    }

    public static Path prodRealmFile() {
        return Project.overlay("prod").resolve("realm/cms-realm.json");
    }

    public static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prod realm derived from the local one, for the editor app served at {@code publicOrigin}. */
    public static ObjectNode forProduction(ObjectNode localRealm, String publicOrigin) {
        ObjectNode realm = localRealm.deepCopy();
        realm.remove("federatedUsers");
        ArrayNode clients = (ArrayNode) realm.path("clients");
        for (Iterator<JsonNode> it = clients.elements(); it.hasNext(); ) {
            if (TEST_ONLY_CLIENT.equals(it.next().path("clientId").asText())) {
                it.remove();
            }
        }
        keepServiceAccountsOnly(realm, clients);
        for (JsonNode client : clients) {
            Matcher secret = ENVIRONMENT_PLACEHOLDER.matcher(client.path("secret").asText());
            if (client.path("secret").isTextual() && secret.matches()) {
                ((ObjectNode) client).put("secret", "${" + secret.group(1) + "}");
            }
        }
        if (realm.path("roles").path("client") instanceof ObjectNode clientRoles) {
            clientRoles.remove(TEST_ONLY_CLIENT);
        }
        if (realm.path("clientScopeMappings") instanceof ObjectNode scopeMappings) {
            scopeMappings.remove(TEST_ONLY_CLIENT);
        }
        if (realm.path("scopeMappings") instanceof ArrayNode scopeMappings) {
            for (Iterator<JsonNode> it = scopeMappings.elements(); it.hasNext(); ) {
                if (TEST_ONLY_CLIENT.equals(it.next().path("client").asText())) {
                    it.remove();
                }
            }
        }
        for (JsonNode client : clients) {
            if (EDITOR_CLIENT.equals(client.path("clientId").asText())) {
                dropTestOrigin(client);
                replaceText(client, LOCAL_EDITOR_ORIGIN, publicOrigin);
            }
        }
        return realm;
    }

    /** Drops every user but the service accounts of the clients left; no "users" at all if none is left. */
    private static void keepServiceAccountsOnly(ObjectNode realm, ArrayNode clients) {
        if (!(realm.path("users") instanceof ArrayNode users)) {
            realm.remove("users");
            return;
        }
        Set<String> serviceAccountClients = new HashSet<>();
        clients.forEach(c -> {
            if (c.path("serviceAccountsEnabled").asBoolean(false)) {
                serviceAccountClients.add(c.path("clientId").asText());
            }
        });
        for (Iterator<JsonNode> it = users.elements(); it.hasNext(); ) {
            if (!serviceAccountClients.contains(it.next().path("serviceAccountClientId").asText(""))) {
                it.remove();
            }
        }
        if (users.isEmpty()) {
            realm.remove("users");
        }
    }

    /** Removes the browser tests' origin from URI lists and from '##'-separated attribute values. */
    private static void dropTestOrigin(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual() && field.getValue().asText().contains(TEST_EDITOR_ORIGIN)) {
                    String kept = java.util.Arrays.stream(field.getValue().asText().split("##"))
                            .filter(part -> !part.startsWith(TEST_EDITOR_ORIGIN)).collect(java.util.stream.Collectors.joining("##"));
                    field.setValue(new TextNode(kept));
                } else {
                    dropTestOrigin(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isTextual() && array.get(i).asText().startsWith(TEST_EDITOR_ORIGIN)) {
                    array.remove(i);
                } else {
                    dropTestOrigin(array.get(i));
                }
            }
        }
    }

    private static void replaceText(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(field.getValue().asText().replace(from, to)));
                } else {
                    replaceText(field.getValue(), from, to);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(array.get(i).asText().replace(from, to)));
                } else {
                    replaceText(array.get(i), from, to);
                }
            }
        }
    }

    /** Two-space indented JSON with a final newline, like the hand-written realm. */
    public static String format(JsonNode realm) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(realm) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
