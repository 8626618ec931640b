package io.newsroom.cms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.Realms;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The `cms` realm Keycloak imports in each overlay. */
class RealmTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    /** Set to true (-Dcms.deploy.update-prod-realm=true) to rewrite the prod realm from the local one. */
    private static final String UPDATE = "cms.deploy.update-prod-realm";

    @Test
    void devImportsTheLocalRealmAsItIs() throws IOException {
        assertEquals(Files.readString(Realms.baseRealmFile()), realmOf("dev"));
    }

    @Test
    void prodImportsTheProdRealmFile() throws IOException {
        assertEquals(Files.readString(Realms.prodRealmFile()), realmOf("prod"));
    }

    @Test
    void prodRealmHasNoDirectGrantsClientNoUsersAndNoCredentials() {
        ObjectNode realm = Realms.parse(realmOf("prod"));
        List<String> problems = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                problems.add("client " + id + " allows direct access grants (password logins)");
            }
            if (client.path("implicitFlowEnabled").asBoolean(false)) {
                problems.add("client " + id + " allows the implicit flow");
            }
            if (client.has("secret")) {
                problems.add("client " + id + " carries a client secret");
            }
            if (Realms.TEST_ONLY_CLIENT.equals(id)) {
                problems.add("the test-only client " + id + " is present");
            }
        }
        if (realm.has("users") || realm.has("federatedUsers")) {
            problems.add("the realm carries users");
        }
        if (realm.findValue("credentials") != null) {
            problems.add("the realm carries credentials");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void prodRealmIsTheLocalRealmMadeFitForProduction() throws IOException {
        String expected = Realms.format(Realms.forProduction(Realms.read(Realms.baseRealmFile()), publicEditorOrigin()));
        Path file = Realms.prodRealmFile();
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(file, expected);
        }
        if (!Realms.read(file).equals(Realms.parse(expected))) {
            Path proposal = Project.deployDir().resolve("target/prod-realm/cms-realm.json");
            Files.createDirectories(proposal.getParent());
            Files.writeString(proposal, expected);
            fail(file + " no longer matches deploy/keycloak/cms-realm.json (minus " + Realms.TEST_ONLY_CLIENT
                    + " and the demo users, with the public editor origin). The expected file is in " + proposal
                    + "; or regenerate it with: cd deploy && ../mvnw test -Dtest=RealmTest -D" + UPDATE + "=true");
        }
    }

    @Test
    void prodEditorClientAcceptsOnlyThePublicOrigin() {
        String origin = publicEditorOrigin();
        JsonNode editor = client(Realms.parse(realmOf("prod")), Realms.EDITOR_CLIENT);
        assertEquals(List.of(origin + "/*"), texts(editor.path("redirectUris")));
        assertEquals(List.of(origin), texts(editor.path("webOrigins")));
        assertEquals(origin + "/*", editor.path("attributes").path("post.logout.redirect.uris").asText());
        assertEquals("S256", editor.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(editor.path("publicClient").asBoolean(), "the editor app is a public client");
        assertFalse(Realms.format(editor).contains("localhost"), "no local address left in the prod editor client");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void accessTokensCarryTheAudienceTheServicesRequire(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        String audience = rendered.environment(rendered.get(Deployment.class, "articles").getSpec().getTemplate().getSpec()
                .getContainers().get(0)).get("QUARKUS_OIDC_TOKEN_AUDIENCE").value();
        ObjectNode realm = Realms.parse(realmOf(overlay));
        assertEquals("cms", realm.path("realm").asText());
        assertTrue(realm.path("clients").findValuesAsText("clientId").contains(audience), "the audience client exists");
        JsonNode editor = client(realm, Realms.EDITOR_CLIENT);
        assertTrue(StreamSupport.stream(editor.path("protocolMappers").spliterator(), false).anyMatch(mapper ->
                        "oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())
                                && audience.equals(mapper.path("config").path("included.client.audience").asText())
                                && "true".equals(mapper.path("config").path("access.token.claim").asText())),
                "the editor's access tokens carry the audience " + audience);
    }

    /** https:// plus the host the gateway Ingress serves. */
    static String publicEditorOrigin() {
        Ingress gateway = RenderedOverlay.of("prod").get(Ingress.class, "gateway");
        return "https://" + gateway.getSpec().getRules().get(0).getHost();
    }

    private static String realmOf(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        String name = rendered.get(Deployment.class, "keycloak").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("realm")).findFirst().orElseThrow().getConfigMap().getName();
        ConfigMap configMap = rendered.get(ConfigMap.class, name);
        assertEquals(List.of("cms-realm.json"), List.copyOf(configMap.getData().keySet()), "one realm file in " + name);
        return configMap.getData().get("cms-realm.json");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> clientId.equals(c.path("clientId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
