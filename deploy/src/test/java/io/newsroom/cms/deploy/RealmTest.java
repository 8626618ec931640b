package io.newsroom.cms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.Realms;
import io.newsroom.cms.deploy.support.Realms.ServiceClient;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.RenderedOverlay.EnvValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The `cms` realm Keycloak imports in each overlay. */
class RealmTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    /** The services' own clients (cms-articles, cms-authors, cms-curation) and how each is wired. */
    static final List<ServiceClient> SERVICE_CLIENTS = Realms.SERVICE_CLIENTS;

    /** What a service logs in with (quarkus.oidc-client.credentials.secret). */
    static final String CLIENT_SECRET_VARIABLE = "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET";

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
    void prodRealmHasNoDirectGrantsClientNoPeopleAndNoCredentials() {
        ObjectNode realm = Realms.parse(realmOf("prod"));
        List<String> problems = new ArrayList<>();
        Set<String> serviceAccountClients = new TreeSet<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                problems.add("client " + id + " allows direct access grants (password logins)");
            }
            if (client.path("implicitFlowEnabled").asBoolean(false)) {
                problems.add("client " + id + " allows the implicit flow");
            }
            // A client secret is only ever a placeholder Keycloak fills from its environment at import,
            // without a default: production must provide the value (from a Secret).
            if (client.has("secret") && !isPlaceholderWithoutDefault(client.path("secret").asText())) {
                problems.add("client " + id + " carries a client secret that is not an environment placeholder without default");
            }
            if (Realms.TEST_ONLY_CLIENT.equals(id)) {
                problems.add("the test-only client " + id + " is present");
            }
            if (client.path("serviceAccountsEnabled").asBoolean(false)) {
                serviceAccountClients.add(id);
            }
        }
        // The only users are the service accounts of its clients: nobody logs in with them.
        for (JsonNode user : realm.path("users")) {
            String clientId = user.path("serviceAccountClientId").asText("");
            if (!serviceAccountClients.contains(clientId)) {
                problems.add("the realm carries the user " + user.path("username").asText() + ", not a client's service account");
            } else if (!("service-account-" + clientId).equals(user.path("username").asText())) {
                problems.add("the service account of " + clientId + " is named " + user.path("username").asText());
            }
        }
        if (realm.has("federatedUsers")) {
            problems.add("the realm carries federated users");
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
                    + " and the demo users, secret placeholders without their local defaults, with the public editor origin). The expected file is in " + proposal
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
        assertTrue(hasAudienceMapper(client(realm, Realms.EDITOR_CLIENT), audience),
                "the editor's access tokens carry the audience " + audience);
        for (ServiceClient service : Realms.SERVICE_CLIENTS) {
            assertTrue(hasAudienceMapper(client(realm, service.clientId()), audience),
                    "the " + service.application() + " service's own access tokens carry the audience " + audience);
        }
    }

    /**
     * The realm's clients with a service account are exactly the services' own clients the manifests wire (a new one
     * needs its Secret, Keycloak's variable and the service's QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET), each with its
     * own role, variable and Secret; and only their applications are given a client secret.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void theServiceClientsAreTheRealmsServiceAccountClientsEachWithItsOwnSecret(String overlay) {
        ObjectNode realm = Realms.parse(realmOf(overlay));
        Set<String> withServiceAccount = new TreeSet<>();
        realm.path("clients").forEach(c -> {
            if (c.path("serviceAccountsEnabled").asBoolean(false)) {
                withServiceAccount.add(c.path("clientId").asText());
            }
        });
        assertEquals(new TreeSet<>(Realms.SERVICE_CLIENTS.stream().map(ServiceClient::clientId).toList()), withServiceAccount,
                overlay + ": the realm's clients with a service account");
        for (Function<ServiceClient, String> field : List.<Function<ServiceClient, String>>of(ServiceClient::application,
                ServiceClient::role, ServiceClient::secretVariable, ServiceClient::secret)) {
            assertEquals(Realms.SERVICE_CLIENTS.size(), Realms.SERVICE_CLIENTS.stream().map(field).distinct().count(),
                    "one application, role, variable and Secret per client: " + Realms.SERVICE_CLIENTS);
        }

        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Set<String> given = new TreeSet<>();
        for (String application : Project.APPLICATIONS) {
            if (environment(rendered, application).containsKey(CLIENT_SECRET_VARIABLE)) {
                given.add(application);
            }
        }
        assertEquals(new TreeSet<>(Realms.SERVICE_CLIENTS.stream().map(ServiceClient::application).toList()), given,
                overlay + ": the applications given " + CLIENT_SECRET_VARIABLE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServiceClients")
    void serviceClientIsAConfidentialServiceAccountClientOnly(String overlay, ServiceClient service) {
        JsonNode client = client(Realms.parse(realmOf(overlay)), service.clientId());
        assertTrue(client.path("enabled").asBoolean(true), "enabled");
        assertEquals(false, client.path("publicClient").asBoolean(true), "confidential: not a public client");
        assertEquals(false, client.path("bearerOnly").asBoolean(false), "not bearer-only: it asks for tokens");
        assertEquals("client-secret", client.path("clientAuthenticatorType").asText(), "authenticates with its secret");
        assertTrue(client.path("serviceAccountsEnabled").asBoolean(false), "client credentials (service account) enabled");
        // Keycloak enables the standard flow when the field is absent: every interactive or password flow must be
        // switched off explicitly.
        for (String flow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled")) {
            assertTrue(client.path(flow).isBoolean() && !client.path(flow).asBoolean(), flow + " is explicitly false");
        }
        for (String grant : List.of("oauth2.device.authorization.grant.enabled", "oidc.ciba.grant.enabled")) {
            assertFalse(client.path("attributes").path(grant).asBoolean(false), grant + " is not enabled");
        }
        assertTrue(texts(client.path("redirectUris")).isEmpty() && texts(client.path("webOrigins")).isEmpty(),
                "no redirect URIs or web origins: nobody logs in through it");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServiceClients")
    void onlyItsServiceAccountHasTheServiceRole(String overlay, ServiceClient service) {
        ObjectNode realm = Realms.parse(realmOf(overlay));
        String role = service.role();
        assertTrue(realm.path("roles").path("realm").findValuesAsText("name").contains(role), "realm role " + role + " exists");

        List<JsonNode> serviceAccounts = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> service.clientId().equals(u.path("serviceAccountClientId").asText())).toList();
        assertEquals(1, serviceAccounts.size(), "one service-account user for " + service.clientId());
        JsonNode account = serviceAccounts.get(0);
        assertEquals("service-account-" + service.clientId(), account.path("username").asText());
        assertTrue(account.path("enabled").asBoolean(true), "the service account is enabled");
        assertEquals(List.of(role), texts(account.path("realmRoles")), "exactly the realm role " + role);
        assertTrue(account.path("clientRoles").isEmpty() && account.path("groups").isEmpty(), "no client roles, no groups");
        assertTrue(account.path("credentials").isMissingNode(), "a service account has no credentials of its own");

        List<String> problems = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user != account && texts(user.path("realmRoles")).contains(role)) {
                problems.add("user " + user.path("username").asText() + " has " + role);
            }
        }
        addGroupsGranting(realm.path("groups"), role, problems);
        for (JsonNode other : realm.path("roles").path("realm")) {
            if (texts(other.path("composites").path("realm")).contains(role)) {
                problems.add("role " + other.path("name").asText() + " includes " + role);
            }
        }
        if (texts(realm.path("defaultRoles")).contains(role) || texts(realm.path("defaultRole").path("composites").path("realm")).contains(role)) {
            problems.add("every user gets " + role + " by default");
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICE_CLIENTS")
    void prodServiceClientSecretIsAnEnvironmentPlaceholderWithoutDefault(ServiceClient service) {
        JsonNode client = client(Realms.parse(realmOf("prod")), service.clientId());
        assertEquals("${" + service.secretVariable() + "}", client.path("secret").asText(),
                "production must provide the secret: a placeholder with no default");
    }

    /**
     * The local realm's default for the secret is the service's own development value (the local stack and the tests
     * run without the variable), and the service logs in as that client, at the Keycloak its tokens come from.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICE_CLIENTS")
    void localServiceClientSecretIsAPlaceholderWithTheServicesLocalDefault(ServiceClient service) throws IOException {
        JsonNode client = client(Realms.parse(realmOf("dev")), service.clientId());
        Matcher placeholder = Realms.ENVIRONMENT_PLACEHOLDER.matcher(client.path("secret").asText());
        assertTrue(placeholder.matches(), "the secret is an environment placeholder: " + client.path("secret").asText());
        assertEquals(service.secretVariable(), placeholder.group(1));
        String localDefault = placeholder.group(2);
        assertTrue(localDefault != null && (localDefault.startsWith("local-dev-") || localDefault.contains("change-me")),
                "the default is a clearly local one (local-dev-… or change-me…): " + localDefault);
        Properties properties = ServiceConfigurationTest.properties(service.application());
        String serviceDefault = properties.getProperty("%dev.quarkus.oidc-client.credentials.secret",
                properties.getProperty("quarkus.oidc-client.credentials.secret"));
        assertEquals(localDefault, serviceDefault, "the " + service.application() + " service's local secret and the realm's default agree");
        assertEquals(service.clientId(), properties.getProperty("%prod.quarkus.oidc-client.client-id",
                properties.getProperty("quarkus.oidc-client.client-id")), service.application() + " logs in as " + service.clientId());
    }

    /**
     * In the cluster the service gets its token from the Keycloak it checks tokens against: its token endpoint follows
     * QUARKUS_OIDC_AUTH_SERVER_URL (cms-common), or is set to Keycloak's Service itself.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServiceClients")
    void serviceGetsItsTokenFromTheInClusterKeycloak(String overlay, ServiceClient service) throws IOException {
        Map<String, EnvValue> env = environment(RenderedOverlay.of(overlay), service.application());
        String oidcServer = env.get("QUARKUS_OIDC_AUTH_SERVER_URL").value();
        EnvValue given = env.get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL");
        if (given != null) {
            assertEquals(oidcServer, given.value(), overlay + ": " + service.application() + "'s token endpoint");
            return;
        }
        Properties properties = ServiceConfigurationTest.properties(service.application());
        String configured = properties.getProperty("%prod.quarkus.oidc-client.auth-server-url",
                properties.getProperty("quarkus.oidc-client.auth-server-url"));
        assertTrue(configured == null || configured.equals("${quarkus.oidc.auth-server-url}"),
                service.application() + ": quarkus.oidc-client.auth-server-url (" + configured + ") must follow quarkus.oidc.auth-server-url,"
                        + " which the manifests point at Keycloak, or the manifests must set QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL");
    }

    /** The realm's placeholder variable (Keycloak) and the service's secret come from one Secret key. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServiceClients")
    void serviceAndKeycloakTakeTheClientSecretFromTheSameSecret(String overlay, ServiceClient service) throws IOException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Matcher placeholder = Realms.ENVIRONMENT_PLACEHOLDER.matcher(
                client(Realms.parse(realmOf(overlay)), service.clientId()).path("secret").asText());
        assertTrue(placeholder.matches());
        assertEquals(service.secretVariable(), placeholder.group(1), "the variable Keycloak fills " + service.clientId() + "'s secret from");
        assertFromSecret(rendered, "keycloak", placeholder.group(1), service);
        assertFromSecret(rendered, service.application(), CLIENT_SECRET_VARIABLE, service);
        if (overlay.equals("prod")) {
            // The operator creates it: the README's table names it with its key.
            String readme = Files.readString(Project.deployDir().resolve("README.md"));
            String row = readme.lines().filter(line -> line.startsWith("| `" + service.secret() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("README.md lists no Secret `" + service.secret() + "` in its table"));
            assertTrue(row.contains("`" + Realms.SERVICE_CLIENT_SECRET_KEY + "`") && row.contains("`" + service.clientId() + "`")
                    && row.contains("`" + service.secretVariable() + "`"), "README.md: " + row);
            assertTrue(rendered.find(Secret.class, service.secret()).isEmpty(), "prod: the operator creates " + service.secret());
        } else {
            assertEquals(Set.of(Realms.SERVICE_CLIENT_SECRET_KEY),
                    RenderedOverlay.secretValues(rendered.get(Secret.class, service.secret())).keySet(), "dev: the keys of " + service.secret());
        }
    }

    /** Every ${VAR} of the realm file is given to Keycloak from a Secret: none is left for it to import verbatim. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void keycloakGetsEveryPlaceholderOfTheRealmFromASecret(String overlay) {
        Matcher placeholders = Realms.ENVIRONMENT_PLACEHOLDER.matcher(realmOf(overlay));
        Set<String> variables = new TreeSet<>();
        while (placeholders.find()) {
            variables.add(placeholders.group(1));
        }
        assertTrue(variables.containsAll(Realms.SERVICE_CLIENTS.stream().map(ServiceClient::secretVariable).toList()), "found: " + variables);
        Map<String, EnvValue> keycloak = environment(RenderedOverlay.of(overlay), "keycloak");
        List<String> missing = variables.stream().filter(v -> keycloak.get(v) == null || !keycloak.get(v).fromSecret()).toList();
        assertEquals(List.of(), missing, overlay + ": realm placeholders Keycloak is not given from a Secret");
    }

    private static void assertFromSecret(RenderedOverlay rendered, String deployment, String variable, ServiceClient service) {
        Container container = rendered.get(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
        EnvValue value = rendered.environment(container).get(variable);
        String where = rendered + ": " + deployment + " " + variable;
        assertTrue(value != null && value.fromSecret(), where + " comes from a Secret");
        assertEquals(service.secret(), value.secretName(), where);
        assertEquals(Realms.SERVICE_CLIENT_SECRET_KEY, value.secretKey(), where);
        // Never optional: without the Secret the pod must not start (Keycloak would import the bare placeholder).
        EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().orElseThrow();
        assertFalse(Boolean.TRUE.equals(env.getValueFrom().getSecretKeyRef().getOptional()), where + " is not optional");
    }

    static Stream<Arguments> overlaysAndServiceClients() {
        return OVERLAYS.stream().flatMap(overlay -> Realms.SERVICE_CLIENTS.stream().map(client -> Arguments.of(overlay, client)));
    }

    private static Map<String, EnvValue> environment(RenderedOverlay rendered, String deployment) {
        return rendered.environment(rendered.get(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0));
    }

    /** Groups (and their sub-groups) whose members get the realm role. */
    private static void addGroupsGranting(JsonNode groups, String role, List<String> problems) {
        for (JsonNode group : groups) {
            if (texts(group.path("realmRoles")).contains(role)) {
                problems.add("group " + group.path("name").asText() + " grants " + role);
            }
            addGroupsGranting(group.path("subGroups"), role, problems);
        }
    }

    private static boolean hasAudienceMapper(JsonNode client, String audience) {
        return StreamSupport.stream(client.path("protocolMappers").spliterator(), false).anyMatch(mapper ->
                "oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())
                        && audience.equals(mapper.path("config").path("included.client.audience").asText())
                        && "true".equals(mapper.path("config").path("access.token.claim").asText()));
    }

    private static boolean isPlaceholderWithoutDefault(String value) {
        Matcher placeholder = Realms.ENVIRONMENT_PLACEHOLDER.matcher(value);
        return placeholder.matches() && placeholder.group(2) == null;
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
