package io.newsroom.cms.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.newsroom.cms.deploy.support.OperatorResources.CnpgCluster;
import io.newsroom.cms.deploy.support.OperatorResources.MongoDBCommunity;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.RenderedOverlay.EnvValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials come from Secrets; no real secret value is in git; every referenced Secret exists or is documented. */
class SecretsTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    /** Variable or key names that hold a credential (an S3 secret access key and its id among them). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|credential|connection[_.-]?string|private[_.-]?key|api[_.-]?key|token"
                    + "|access[_.-]?key|access[_.-]?key[_.-]?id)$");

    /** user:password@ inside a URL. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://[^/@\\s:]+:[^/@\\s]+@");

    /** The marker every placeholder credential in git carries. */
    private static final String PLACEHOLDER = "change-me";

    /** Keys of the dev Secrets that are no credential, so need no placeholder: names and addresses. */
    private static final Set<String> NOT_CREDENTIALS = Set.of("username", "endpoint", "bucket");

    /** The media service's object storage: the Secret the operator creates (README), and its keys. */
    static final String MEDIA_STORAGE_SECRET = "media-storage";
    static final Set<String> MEDIA_STORAGE_KEYS = Set.of("access-key-id", "secret-access-key", "endpoint", "bucket");

    /** Keys of the Secrets the operators create, per kind of Secret. */
    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");
    private static final Set<String> MONGODB_USER_SECRET_KEYS = Set.of("connectionString.standard", "connectionString.standardSrv", "username", "password");

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void credentialsReachContainersOnlyThroughSecretReferences(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        rendered.workloads().forEach(workload -> workload.allContainers().forEach(container ->
                rendered.environment(container).forEach((name, value) -> {
                    String where = workload + " container " + container.getName() + " variable " + name;
                    if (SECRET_NAME.matcher(name).matches() && !value.fromSecret()) {
                        problems.add(where + " holds a credential but is not a secretKeyRef");
                    }
                    if (!value.fromSecret() && value.value() != null && URL_CREDENTIALS.matcher(value.value()).find()) {
                        problems.add(where + " has credentials inside a URL");
                    }
                })));
        for (ConfigMap configMap : rendered.all(ConfigMap.class)) {
            configMap.getData().forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    problems.add("ConfigMap " + configMap.getMetadata().getName() + " key " + key + " looks like a credential");
                }
                if (URL_CREDENTIALS.matcher(value).find()) {
                    problems.add("ConfigMap " + configMap.getMetadata().getName() + " key " + key + " has credentials inside a URL");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void devSecretsHoldPlaceholdersOnly() {
        List<Secret> secrets = RenderedOverlay.of("dev").all(Secret.class);
        assertTrue(secrets.size() >= 5);
        List<String> problems = new ArrayList<>();
        for (Secret secret : secrets) {
            RenderedOverlay.secretValues(secret).forEach((key, value) -> {
                if (!NOT_CREDENTIALS.contains(key) && !value.contains(PLACEHOLDER)) {
                    problems.add("Secret " + secret.getMetadata().getName() + " key " + key
                            + " holds a value without the `" + PLACEHOLDER + "` placeholder marker");
                }
                if (NOT_CREDENTIALS.contains(key) && URL_CREDENTIALS.matcher(value).find()) {
                    problems.add("Secret " + secret.getMetadata().getName() + " key " + key + " has credentials inside a URL");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void prodHasNoSecretInGit() {
        assertEquals(List.of(), RenderedOverlay.of("prod").all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList(),
                "prod Secrets are made by the operators or by the operator of the cluster, never committed");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyReferencedSecretExistsIsMadeByAnOperatorOrIsDocumented(String overlay) throws IOException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        String readme = Files.readString(Project.deployDir().resolve("README.md"));
        Map<String, Set<String>> available = new TreeMap<>();
        rendered.all(Secret.class).forEach(s -> available.put(s.getMetadata().getName(), RenderedOverlay.secretValues(s).keySet()));
        rendered.all(CnpgCluster.class).forEach(c -> available.put(c.metadata().getName() + "-app", CNPG_APP_SECRET_KEYS));
        rendered.all(MongoDBCommunity.class).forEach(m -> m.spec().users().forEach(u ->
                available.put(u.connectionStringSecretName(), MONGODB_USER_SECRET_KEYS)));

        Map<String, Set<String>> referenced = new TreeMap<>();
        rendered.workloads().forEach(workload -> {
            workload.allContainers().forEach(container -> rendered.environment(container).values().stream()
                    .filter(EnvValue::fromSecret)
                    .forEach(v -> referenced.computeIfAbsent(v.secretName(), n -> new TreeSet<>()).add(v.secretKey())));
            workload.podSpec().getVolumes().stream().filter(v -> v.getSecret() != null)
                    .forEach(v -> referenced.computeIfAbsent(v.getSecret().getSecretName(), n -> new TreeSet<>()));
        });
        rendered.all(MongoDBCommunity.class).forEach(m -> m.spec().users().forEach(u ->
                referenced.computeIfAbsent(u.passwordSecretRef().name(), n -> new TreeSet<>())
                        .add(u.passwordSecretRef().key() == null ? "password" : u.passwordSecretRef().key())));
        Set<String> certificates = new TreeSet<>();
        for (Ingress ingress : rendered.all(Ingress.class)) {
            boolean issued = ingress.getMetadata().getAnnotations().containsKey("cert-manager.io/cluster-issuer")
                    || ingress.getMetadata().getAnnotations().containsKey("cert-manager.io/issuer");
            ingress.getSpec().getTls().forEach(tls -> {
                if (issued) {
                    certificates.add(tls.getSecretName());
                } else {
                    referenced.computeIfAbsent(tls.getSecretName(), n -> new TreeSet<>());
                }
            });
        }

        List<String> problems = new ArrayList<>();
        referenced.forEach((name, keys) -> {
            if (available.containsKey(name)) {
                keys.stream().filter(key -> !available.get(name).contains(key))
                        .forEach(key -> problems.add("Secret " + name + " has no key " + key));
            } else if (!readme.contains("`" + name + "`")) {
                problems.add("Secret " + name + " is neither in the overlay, nor made by an operator in it, nor listed in README.md");
            }
        });
        certificates.stream().filter(name -> !readme.contains("`" + name + "`"))
                .forEach(name -> problems.add("certificate Secret " + name + " is not mentioned in README.md"));
        assertEquals(List.of(), problems);
    }

    /**
     * webhooks signs with secrets it generates per endpoint and keeps in its database: the only Secret it reads is
     * its database's credentials (no static signing key to mount, nothing to rotate by hand).
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void webhooksReadsNoSecretButItsDatabaseCredentials(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        RenderedOverlay.Workload webhooks = rendered.workload("Deployment", "webhooks");
        Map<String, String> fromSecrets = new TreeMap<>();
        for (Container container : webhooks.allContainers().toList()) {
            rendered.environment(container).forEach((name, value) -> {
                if (value.fromSecret()) {
                    fromSecrets.put(name, value.secretName() + "/" + value.secretKey());
                }
            });
        }
        assertEquals(Map.of("QUARKUS_DATASOURCE_USERNAME", "webhooks-db-app/username",
                "QUARKUS_DATASOURCE_PASSWORD", "webhooks-db-app/password"), fromSecrets);
        assertTrue(webhooks.podSpec().getVolumes().stream().noneMatch(v -> v.getSecret() != null || v.getProjected() != null),
                "webhooks mounts no Secret");
    }

    /**
     * media reads its database's credentials and its object storage from Secrets: the keys, the bucket and (optional: a
     * real AWS S3 has none) the endpoint, all from the one Secret `media-storage`, which the operator creates in prod
     * (listed in the README with its keys) and which dev holds with placeholders. Nothing else, and no Secret mounted.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void mediaReadsItsDatabaseAndStorageCredentialsFromSecrets(String overlay) throws IOException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        RenderedOverlay.Workload media = rendered.workload("Deployment", "media");
        Map<String, String> fromSecrets = new TreeMap<>();
        Map<String, Boolean> optional = new TreeMap<>();
        for (Container container : media.allContainers().toList()) {
            rendered.environment(container).forEach((name, value) -> {
                if (value.fromSecret()) {
                    fromSecrets.put(name, value.secretName() + "/" + value.secretKey());
                }
            });
            container.getEnv().stream().filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
                    .forEach(v -> optional.put(v.getName(), Boolean.TRUE.equals(v.getValueFrom().getSecretKeyRef().getOptional())));
        }
        assertEquals(new TreeMap<>(Map.of(
                "QUARKUS_DATASOURCE_USERNAME", "media-db-app/username",
                "QUARKUS_DATASOURCE_PASSWORD", "media-db-app/password",
                "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", MEDIA_STORAGE_SECRET + "/access-key-id",
                "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", MEDIA_STORAGE_SECRET + "/secret-access-key",
                "QUARKUS_S3_ENDPOINT_OVERRIDE", MEDIA_STORAGE_SECRET + "/endpoint",
                "CMS_MEDIA_BUCKET", MEDIA_STORAGE_SECRET + "/bucket")), fromSecrets);
        // Only the endpoint may be missing: without keys or bucket the pod must not start at all.
        optional.forEach((name, isOptional) -> assertEquals(name.equals("QUARKUS_S3_ENDPOINT_OVERRIDE"), isOptional,
                overlay + ": " + name + " optional"));
        assertTrue(media.podSpec().getVolumes().stream().noneMatch(v -> v.getSecret() != null || v.getProjected() != null),
                "media mounts no Secret");

        if (overlay.equals("prod")) {
            // The operator creates it: the README's table names it with its keys.
            String readme = Files.readString(Project.deployDir().resolve("README.md"));
            String row = readme.lines().filter(line -> line.startsWith("| `" + MEDIA_STORAGE_SECRET + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("README.md lists no Secret `" + MEDIA_STORAGE_SECRET + "` in its table"));
            MEDIA_STORAGE_KEYS.forEach(key -> assertTrue(row.contains("`" + key + "`"), "README.md: " + MEDIA_STORAGE_SECRET + " key " + key));
            assertTrue(rendered.find(Secret.class, MEDIA_STORAGE_SECRET).isEmpty(), "prod: the operator creates " + MEDIA_STORAGE_SECRET);
        } else {
            Secret secret = rendered.get(Secret.class, MEDIA_STORAGE_SECRET);
            assertEquals(MEDIA_STORAGE_KEYS, RenderedOverlay.secretValues(secret).keySet(), "dev: the keys of " + MEDIA_STORAGE_SECRET);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyReferencedConfigMapExists(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        rendered.workloads().forEach(workload -> {
            workload.allContainers().forEach(container -> container.getEnvFrom().stream()
                    .filter(source -> source.getConfigMapRef() != null)
                    .map(source -> source.getConfigMapRef().getName())
                    .filter(name -> rendered.find(ConfigMap.class, name).isEmpty())
                    .forEach(name -> problems.add(workload + " reads the missing ConfigMap " + name)));
            workload.podSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                    .map(v -> v.getConfigMap().getName())
                    .filter(name -> rendered.find(ConfigMap.class, name).isEmpty())
                    .forEach(name -> problems.add(workload + " mounts the missing ConfigMap " + name));
        });
        assertEquals(List.of(), problems);
    }
}
