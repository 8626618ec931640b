package io.newsroom.cms.deploy;

import io.newsroom.cms.deploy.support.ManifestParser;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict parser itself: it must refuse what the API server refuses, or the overlay checks prove nothing. */
class ManifestParserTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
              annotations:
                prometheus.io/port: "8080"
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      imagePullPolicy: IfNotPresent
                      ports:
                        - containerPort: 8080
                      securityContext:
                        readOnlyRootFilesystem: true
                      env:
                        - name: A
                          value: "1"
                  volumes:
                    - name: config
                      configMap:
                        name: demo
                        defaultMode: 420
                    - name: tmp
                      emptyDir: {}
            """;

    private final ManifestParser parser = new ManifestParser();

    @Test
    void acceptsAValidObjectAsItsTypedModel() {
        ManifestParser.Result result = parser.parse(DEPLOYMENT);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.manifests().size());
        assertInstanceOf(Deployment.class, result.manifests().get(0).object());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            misspelt field                 | imagePullPolicy: IfNotPresent  | imagePullPolicyy: IfNotPresent  | unknown field spec.template.spec.containers[0].imagePullPolicyy
            misplaced field                | replicas: 2                    | replica: 2                      | unknown field spec.replica
            string for an integer          | replicas: 2                    | replicas: "2"                   | wrong type at spec.replicas
            octal string for a file mode   | defaultMode: 420               | defaultMode: "0644"             | wrong type at spec.template.spec.volumes[0].configMap.defaultMode
            word for an integer            | containerPort: 8080            | containerPort: http             | containerPort
            string for a boolean           | readOnlyRootFilesystem: true   | readOnlyRootFilesystem: "true"  | readOnlyRootFilesystem
            number for a string            | value: "1"                     | value: 1                        | value
            number for an annotation value | prometheus.io/port: "8080"     | prometheus.io/port: 8080        | prometheus.io/port
            list for an object             | emptyDir: {}                   | emptyDir: []                    | emptyDir
            """)
    void refusesWhatTheApiServerRefuses(String what, String valid, String invalid, String expected) {
        assertTrue(DEPLOYMENT.contains(valid), "test input must contain " + valid);
        String broken = DEPLOYMENT.replace(valid, invalid);
        ManifestParser.Result result = parser.parse(broken);
        assertEquals(1, result.problems().size(), what + ": " + result.problems());
        assertTrue(result.problems().get(0).contains(expected), what + ": " + result.problems());
        assertTrue(result.manifests().isEmpty(), what);
    }

    @Test
    void refusesAnUnknownKind() {
        ManifestParser.Result result = parser.parse("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: demo
                """);
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).contains("neither a Kubernetes API type nor a known operator resource"));
    }

    @Test
    void checksOperatorResourcesAgainstTheirModels() {
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: db
                spec:
                  instances: 3
                  imageName: ghcr.io/cloudnative-pg/postgresql:17.6
                  storage:
                    size: 1Gi
                  resources:
                    limits:
                      memory: 1Gi
                """;
        assertEquals(List.of(), parser.parse(cluster).problems());
        assertTrue(parser.parse(cluster.replace("imageName:", "imageNmae:")).problems().get(0).contains("imageNmae"));
        assertTrue(parser.parse(cluster.replace("instances: 3", "instancez: 3")).problems().get(0).contains("spec.instances"));
        assertTrue(parser.parse(cluster.replace("instances: 3", "instances: \"3\"")).problems().get(0).contains("wrong type"));
        assertTrue(parser.parse(cluster.replace("limits:", "limitz:")).problems().get(0).contains("unknown field spec.resources.limitz"));
        assertTrue(parser.parse(cluster.replace("    size: 1Gi\n", "    storageClass: fast\n")).problems().get(0)
                .contains("spec.storage.size is required"));
    }

    @Test
    void checksStrimziResourcesAgainstTheirModels() {
        String resources = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata:
                  name: events
                spec:
                  kafka:
                    version: 4.1.1
                    listeners:
                      - name: plain
                        port: 9092
                        type: internal
                        tls: false
                    config:
                      min.insync.replicas: 2
                  entityOperator:
                    topicOperator: {}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata:
                  name: nodes
                  labels:
                    strimzi.io/cluster: events
                spec:
                  replicas: 3
                  roles: [controller, broker]
                  storage:
                    type: persistent-claim
                    size: 10Gi
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: events.created
                  labels:
                    strimzi.io/cluster: events
                spec:
                  partitions: 3
                  replicas: 3
                  config:
                    cleanup.policy: compact
                    retention.ms: 604800000
                """;
        assertEquals(List.of(), parser.parse(resources).problems());
        assertEquals(3, parser.parse(resources).manifests().size());
        Map<String, String> broken = Map.of(
                "version: 4.1.1", "versoin",
                "roles: [controller, broker]", "spec.roles must be one of",
                "type: persistent-claim", "sizee",
                "partitions: 3", "wrong type at spec.partitions",
                "    strimzi.io/cluster: events\nspec:\n  replicas", "strimzi.io/cluster is required",
                "min.insync.replicas: 2", "managed by Strimzi",
                "name: plain", "a listener name is 1 to 11");
        Map<String, String> replacements = Map.of(
                "version: 4.1.1", "versoin: 4.1.1",
                "roles: [controller, broker]", "roles: [controller, zookeeper]",
                "type: persistent-claim", "type: persistent-claim\n    sizee: 10Gi",
                "partitions: 3", "partitions: \"3\"",
                "    strimzi.io/cluster: events\nspec:\n  replicas", "    app: events\nspec:\n  replicas",
                "min.insync.replicas: 2", "listener.name.plain.foo: 2",
                "name: plain", "name: plain-text");
        broken.forEach((valid, expected) -> {
            assertTrue(resources.contains(valid), "test input must contain " + valid);
            List<String> problems = parser.parse(resources.replace(valid, replacements.get(valid))).problems();
            assertEquals(1, problems.size(), valid + ": " + problems);
            assertTrue(problems.get(0).contains(expected), valid + ": " + problems);
        });
    }

    @Test
    void reportsEveryProblemOfAMultiDocumentStream() {
        String stream = DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"") + "---\n"
                + DEPLOYMENT.replace("name: demo\n  annotations", "name: other\n  annotations").replace("image:", "imagee:");
        ManifestParser.Result result = parser.parse(stream);
        assertEquals(2, result.problems().size(), result.problems().toString());
    }
}
