package io.newsroom.cms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.newsroom.cms.deploy.support.OperatorResources.CnpgCluster;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.RenderedOverlay.EnvValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration the manifests give each application is configuration it reads: every
 * QUARKUS_* / CMS_* variable matches a key of the application's own application.properties, the
 * keys each application needs are set, and the values point at things that exist in the overlay.
 */
class ServiceConfigurationTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    static final List<String> DATABASE_SERVICES = List.of("articles", "authors", "webhooks", "media");

    /** The services that also read their database through a reactive client (webhooks and media have JDBC only). */
    static final List<String> REACTIVE_DATABASE_SERVICES = List.of("articles", "authors");

    /** cms.webhooks.allow-private-targets: SSRF protection, false outside the local stack and tests. */
    static final String ALLOW_PRIVATE_TARGETS = "CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS";

    /** The readers' site (cms.public-api.site-url): the gateway does not start without it outside dev and tests. */
    static final String SITE_URL = "CMS_PUBLIC_API_SITE_URL";

    /** media's object storage: where (region, optional endpoint), which bucket, with which keys; never creating it. */
    static final List<String> MEDIA_STORAGE = List.of("QUARKUS_S3_AWS_REGION", "QUARKUS_S3_ENDPOINT_OVERRIDE",
            "QUARKUS_S3_AWS_CREDENTIALS_TYPE", "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
            "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "CMS_MEDIA_BUCKET", "CMS_MEDIA_CREATE_BUCKET");

    /** The services recording picture usages on media (rest client `media`), each with its own token. */
    static final List<String> MEDIA_USAGE_CLIENTS = List.of("articles", "authors", "curation");

    /** What each application must be given in a cluster, as Quarkus environment variable names. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "articles", List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_REST_CLIENT_AUTHORS_URL", "QUARKUS_REST_CLIENT_MEDIA_URL",
                    "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"),
            "authors", List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_REST_CLIENT_MEDIA_URL", "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"),
            "curation", List.of("QUARKUS_MONGODB_CONNECTION_STRING", "QUARKUS_MONGODB_DATABASE", "QUARKUS_REST_CLIENT_ARTICLES_URL",
                    "QUARKUS_REST_CLIENT_MEDIA_URL", "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"),
            "gateway", List.of("CMS_GATEWAY_SERVICES_ARTICLES", "CMS_GATEWAY_SERVICES_AUTHORS", "CMS_GATEWAY_SERVICES_CURATION",
                    "CMS_GATEWAY_SERVICES_WEBHOOKS", "CMS_GATEWAY_SERVICES_MEDIA", "QUARKUS_HTTP_CORS_ORIGINS",
                    "CMS_GATEWAY_FRONTEND_KEYCLOAK_URL", SITE_URL),
            "webhooks", List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    ALLOW_PRIVATE_TARGETS),
            "media", concat(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"),
                    MEDIA_STORAGE));

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static final List<String> REQUIRED_EVERYWHERE = List.of("QUARKUS_HTTP_PORT", "QUARKUS_OIDC_AUTH_SERVER_URL",
            "QUARKUS_OIDC_TOKEN_ISSUER", "QUARKUS_OIDC_TOKEN_AUDIENCE", "KAFKA_BOOTSTRAP_SERVERS");

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyVariableSetForAnApplicationIsAKeyItReads(String overlay) throws IOException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String application : Project.APPLICATIONS) {
            Set<String> known = keysAsEnvironmentNames(application);
            for (String variable : environment(rendered, application).keySet()) {
                if ((variable.startsWith("QUARKUS_") || variable.startsWith("CMS_")) && !known.contains(normalise(variable))) {
                    problems.add(application + ": " + variable + " matches no key of "
                            + Project.repoRoot().relativize(propertiesFile(application)));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyApplicationGetsTheConfigurationItNeeds(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String application : Project.APPLICATIONS) {
            Set<String> given = environment(rendered, application).keySet();
            List<String> missing = new ArrayList<>(REQUIRED_EVERYWHERE);
            missing.addAll(REQUIRED.get(application));
            missing.removeAll(given);
            assertEquals(List.of(), missing, overlay + ": " + application + " is missing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void theValuesPointAtWhatTheOverlayRuns(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        String keycloakHostname = environment(rendered, "keycloak").get("KC_HOSTNAME").value();
        for (String application : Project.APPLICATIONS) {
            Map<String, EnvValue> env = environment(rendered, application);
            assertEquals("8080", env.get("QUARKUS_HTTP_PORT").value(), application + " listens on the container port");
            assertServiceUrl(rendered, env.get("QUARKUS_OIDC_AUTH_SERVER_URL").value(), "keycloak", "/realms/cms");
            assertEquals(keycloakHostname + "/realms/cms", env.get("QUARKUS_OIDC_TOKEN_ISSUER").value(),
                    application + ": tokens are issued by Keycloak's public hostname");
            assertEquals("cms-backend", env.get("QUARKUS_OIDC_TOKEN_AUDIENCE").value());
        }
        Map<String, EnvValue> articles = environment(rendered, "articles");
        assertServiceUrl(rendered, articles.get("QUARKUS_REST_CLIENT_AUTHORS_URL").value(), "authors", "");
        // The picture usages: articles, authors and curation call media's usage endpoints (NetworkPolicyTest lets exactly them).
        for (String application : MEDIA_USAGE_CLIENTS) {
            assertServiceUrl(rendered, environment(rendered, application).get("QUARKUS_REST_CLIENT_MEDIA_URL").value(), "media", "");
        }
        for (String service : DATABASE_SERVICES) {
            Map<String, EnvValue> env = environment(rendered, service);
            assertDatabase(rendered, env.get("QUARKUS_DATASOURCE_JDBC_URL").value(), service);
            if (REACTIVE_DATABASE_SERVICES.contains(service)) {
                assertEquals(env.get("QUARKUS_DATASOURCE_JDBC_URL").value(), "jdbc:" + env.get("QUARKUS_DATASOURCE_REACTIVE_URL").value(),
                        service + ": the reactive client reads the database the JDBC pool writes");
            } else {
                assertNull(env.get("QUARKUS_DATASOURCE_REACTIVE_URL"), service + " has no reactive datasource");
            }
        }
        assertDatabase(rendered, environment(rendered, "keycloak").get("KC_DB_URL").value(), "keycloak");
        Map<String, EnvValue> curation = environment(rendered, "curation");
        assertServiceUrl(rendered, curation.get("QUARKUS_REST_CLIENT_ARTICLES_URL").value(), "articles", "");
        assertEquals("curation", curation.get("QUARKUS_MONGODB_DATABASE").value());
        Map<String, EnvValue> gateway = environment(rendered, "gateway");
        for (String service : List.of("articles", "authors", "curation", "webhooks", "media")) {
            assertServiceUrl(rendered, gateway.get("CMS_GATEWAY_SERVICES_" + service.toUpperCase(Locale.ROOT)).value(), service, "");
        }
        assertEquals(keycloakHostname, gateway.get("CMS_GATEWAY_FRONTEND_KEYCLOAK_URL").value(),
                "the editor app logs in at Keycloak's public hostname, the issuer of its tokens");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void gatewayLinksToTheReadersSiteByAnAbsoluteUrl(String overlay) {
        EnvValue given = environment(RenderedOverlay.of(overlay), "gateway").get(SITE_URL);
        assertTrue(given != null && given.value() != null && !given.value().isBlank(),
                overlay + ": the gateway gets " + SITE_URL + " (it does not start without it)");
        String url = given.value();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new AssertionError(overlay + ": " + SITE_URL + " is not a URL: " + url, e);
        }
        assertTrue(uri.isAbsolute() && Set.of("http", "https").contains(uri.getScheme()), overlay + ": an absolute http(s) URL: " + url);
        assertTrue(uri.getHost() != null && !uri.getHost().isBlank(), overlay + ": names a host: " + url);
        assertNull(uri.getRawUserInfo(), overlay + ": no credentials in the URL (it is printed in every feed)");
        assertTrue(uri.getRawQuery() == null && uri.getRawFragment() == null,
                overlay + ": no query or fragment: article paths are appended to it: " + url);
        if (overlay.equals("prod")) {
            assertEquals("https", uri.getScheme(), "prod: readers are sent to the site over https: " + url);
            assertFalse(Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost()), "prod: a public host: " + url);
        }
    }

    /**
     * SSRF protection: webhooks refuses targets on private, loopback, link-local and CGNAT addresses in prod (and in
     * the base both overlays start from); its NetworkPolicy drops such destinations as well.
     */
    @Test
    void webhooksRefusesPrivateTargetsInProd() throws IOException {
        EnvValue prod = environment(RenderedOverlay.of("prod"), "webhooks").get(ALLOW_PRIVATE_TARGETS);
        assertTrue(prod != null && "false".equals(prod.value()), "prod: " + ALLOW_PRIVATE_TARGETS + "=false, not " + prod);

        JsonNode base = new YAMLMapper().readTree(Project.deployDir().resolve("base/kustomization.yaml").toFile());
        List<String> literals = new ArrayList<>();
        for (JsonNode generator : base.path("configMapGenerator")) {
            if (generator.path("name").asText().equals("webhooks-config")) {
                generator.path("literals").forEach(literal -> literals.add(literal.asText()));
            }
        }
        assertTrue(literals.contains(ALLOW_PRIVATE_TARGETS + "=false"), "base webhooks-config: " + literals);
        assertEquals("false", properties("webhooks").getProperty("cms.webhooks.allow-private-targets"),
                "the service's own default refuses private targets too");

        // Whatever an overlay sets, it is a boolean the service reads (dev may allow private targets).
        for (String overlay : OVERLAYS) {
            EnvValue value = environment(RenderedOverlay.of(overlay), "webhooks").get(ALLOW_PRIVATE_TARGETS);
            assertTrue(value != null && Set.of("true", "false").contains(value.value()), overlay + ": " + value);
        }
    }

    /**
     * media's object storage: static keys (from the Secret, SecretsTest), a region, never a bucket of its own making
     * (the operator provisions it). dev's endpoint is the in-cluster S3Mock, whose Service exposes that port and
     * which creates that bucket and answers for that region; prod's Secret is the operator's (no endpoint needed for S3).
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void mediaUsesTheProvisionedBucketOfItsObjectStorage(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, EnvValue> media = environment(rendered, "media");
        assertEquals("static", media.get("QUARKUS_S3_AWS_CREDENTIALS_TYPE").value(), overlay + ": the keys of the Secret, nothing else");
        assertEquals("false", media.get("CMS_MEDIA_CREATE_BUCKET").value(), overlay + ": the bucket is provisioned, never created by media");
        String region = media.get("QUARKUS_S3_AWS_REGION").value();
        assertTrue(region != null && region.matches("[a-z0-9]+(-[a-z0-9]+)*"), overlay + ": a region name: " + region);
        if (overlay.equals("prod")) {
            assertTrue(rendered.find(Service.class, "media-s3").isEmpty(), "prod: the object storage is not in these manifests");
            return;
        }
        Map<String, String> storage = RenderedOverlay.secretValues(rendered.get(Secret.class, "media-storage"));
        assertServiceUrl(rendered, storage.get("endpoint"), "media-s3", "");
        var store = rendered.get(StatefulSet.class, "media-s3");
        Map<String, EnvValue> s3 = rendered.environment(store.getSpec().getTemplate().getSpec().getContainers().get(0));
        assertTrue(List.of(s3.get("COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS").value().split(",")).contains(storage.get("bucket")),
                "dev: S3Mock creates the bucket " + storage.get("bucket") + " media is given");
        assertEquals(region, s3.get("COM_ADOBE_TESTING_S3MOCK_STORE_REGION").value(), "dev: S3Mock answers for media's region");
        EnvValue pathStyle = media.get("QUARKUS_S3_PATH_STYLE_ACCESS");
        assertTrue(pathStyle != null && "true".equals(pathStyle.value()), "dev: S3Mock understands path-style requests only");
    }

    /**
     * A variable from an optional Secret key (media's QUARKUS_S3_ENDPOINT_OVERRIDE: AWS S3 needs no endpoint) is unset
     * when the key is left out, so the application falls back to its application.properties: that must hold no value
     * for production (only %dev/%test ones), or leaving the key out would send it to the local stack's address.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void anOptionalSecretKeyLeftOutLeavesNoLocalDefault(String overlay) throws IOException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String application : Project.APPLICATIONS) {
            Container container = rendered.get(Deployment.class, application).getSpec().getTemplate().getSpec().getContainers().get(0);
            Properties properties = properties(application);
            container.getEnv().stream()
                    .filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null
                            && Boolean.TRUE.equals(v.getValueFrom().getSecretKeyRef().getOptional()))
                    .forEach(v -> properties.stringPropertyNames().stream()
                            .filter(key -> !key.startsWith("%") || key.startsWith("%prod."))
                            .filter(key -> normalise(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key).equals(v.getName()))
                            .forEach(key -> problems.add(application + ": " + v.getName() + " comes from an optional key of Secret "
                                    + v.getValueFrom().getSecretKeyRef().getName() + ", but without it " + key + "="
                                    + properties.getProperty(key) + " of " + Project.repoRoot().relativize(propertiesFile(application))
                                    + " applies; give it a %dev/%test profile")));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DATABASE_SERVICES")
    void theSchemaIsMigratedAtStartUp(String application) throws IOException {
        // Several replicas may start together: Flyway serialises them with a PostgreSQL lock (README).
        Properties properties = properties(application);
        assertEquals("true", properties.getProperty("quarkus.flyway.migrate-at-start"), application);
        assertTrue(properties.stringPropertyNames().stream().noneMatch(key -> key.endsWith("quarkus.flyway.clean-at-start")
                        && "true".equals(properties.getProperty(key)) && !key.startsWith("%test") && !key.startsWith("%dev")),
                application + " must never clean its schema outside tests");
    }

    @Test
    void prodPublicAddressesAgreeWithTheIngress() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        String cmsHost = prod.get(Ingress.class, "gateway").getSpec().getRules().get(0).getHost();
        String authHost = prod.get(Ingress.class, "keycloak").getSpec().getRules().get(0).getHost();
        assertEquals("https://" + authHost, environment(prod, "keycloak").get("KC_HOSTNAME").value());
        assertEquals("https://" + cmsHost, environment(prod, "gateway").get("QUARKUS_HTTP_CORS_ORIGINS").value());
        assertEquals("https://" + authHost, environment(prod, "gateway").get("CMS_GATEWAY_FRONTEND_KEYCLOAK_URL").value());
        assertEquals("https://" + authHost + "/realms/cms", environment(prod, "articles").get("QUARKUS_OIDC_TOKEN_ISSUER").value());
    }

    @Test
    void devPublicAddressesAreThePortForwardsTheRealmAllows() {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        assertEquals("http://localhost:8180", environment(dev, "keycloak").get("KC_HOSTNAME").value());
        assertEquals("http://localhost:8080", environment(dev, "gateway").get("QUARKUS_HTTP_CORS_ORIGINS").value());
        assertEquals("http://localhost:8180", environment(dev, "gateway").get("CMS_GATEWAY_FRONTEND_KEYCLOAK_URL").value());
        // No readers' site in dev: the public API, behind the gateway's port-forward, stands in for it.
        assertEquals("http://localhost:8080/public/v1", environment(dev, "gateway").get(SITE_URL).value());
    }

    /** The JDBC URL names the primary's Service of the database's store and the database itself. */
    private static void assertDatabase(RenderedOverlay rendered, String jdbcUrl, String database) {
        assertTrue(jdbcUrl.startsWith("jdbc:postgresql://"), jdbcUrl);
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        assertEquals("/" + database, uri.getPath(), jdbcUrl);
        assertEquals(5432, uri.getPort(), jdbcUrl);
        String store = database + "-db";
        assertEquals(store + "-rw", uri.getHost(), jdbcUrl + " names the read-write Service");
        if (rendered.find(CnpgCluster.class, store).isEmpty()) {
            assertTrue(rendered.find(Service.class, store + "-rw").isPresent(), "Service " + store + "-rw exists");
        }
    }

    /** http://<service>:<port><path>, with the Service existing and exposing the port. */
    private static void assertServiceUrl(RenderedOverlay rendered, String url, String service, String path) {
        URI uri = URI.create(url);
        assertEquals("http", uri.getScheme(), url);
        assertEquals(service, uri.getHost(), url);
        assertEquals(path, uri.getPath(), url);
        assertTrue(rendered.get(Service.class, service).getSpec().getPorts().stream().anyMatch(p -> p.getPort() == uri.getPort()),
                url + ": Service " + service + " has no port " + uri.getPort());
    }

    private static Map<String, EnvValue> environment(RenderedOverlay rendered, String deployment) {
        Container container = rendered.get(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
        return rendered.environment(container);
    }

    static Path propertiesFile(String application) {
        return Project.moduleDir(application).resolve("src/main/resources/application.properties");
    }

    /** The keys of an application's application.properties (profiles stripped), as environment names. */
    static Set<String> keysAsEnvironmentNames(String application) throws IOException {
        return properties(application).stringPropertyNames().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .map(ServiceConfigurationTest::normalise)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Properties properties(String application) throws IOException {
        Path file = propertiesFile(application);
        assertTrue(Files.isRegularFile(file), "the manifests configure " + application + ", so " + file + " must exist");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * Quarkus' environment-variable form of a key (quarkus.rest-client."authors".url and
     * QUARKUS_REST_CLIENT_AUTHORS_URL meet here): upper case, every other character an underscore,
     * runs of underscores as one.
     */
    static String normalise(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
