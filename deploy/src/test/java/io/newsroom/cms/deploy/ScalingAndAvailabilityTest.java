package io.newsroom.cms.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.newsroom.cms.deploy.support.NetworkGraph;
import io.newsroom.cms.deploy.support.OperatorResources.CnpgCluster;
import io.newsroom.cms.deploy.support.OperatorResources.MongoDBCommunity;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.RenderedOverlay.EnvValue;
import io.newsroom.cms.deploy.support.RenderedOverlay.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Autoscaling, disruption budgets, rolling updates and the replicated stores. */
class ScalingAndAvailabilityTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    private static final List<String> DATABASES = List.of("articles", "authors", "keycloak", "webhooks", "media");

    /** The least replicas in prod: three, but two for webhooks (one consumer group, deliveries claimed with skip locked). */
    private static final Map<String, Integer> PROD_MIN_REPLICAS = Map.of("webhooks", 2);

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyApplicationHasAnAutoscalerOnCpu(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String application : Project.APPLICATIONS) {
            HorizontalPodAutoscaler hpa = rendered.get(HorizontalPodAutoscaler.class, application);
            var target = hpa.getSpec().getScaleTargetRef();
            assertEquals(List.of("apps/v1", "Deployment", application), List.of(target.getApiVersion(), target.getKind(), target.getName()));
            rendered.get(Deployment.class, application);
            int min = hpa.getSpec().getMinReplicas();
            int max = hpa.getSpec().getMaxReplicas();
            assertTrue(min <= max, application + " min <= max");
            if (overlay.equals("dev")) {
                assertEquals(List.of(1, 1), List.of(min, max), "dev: one replica of " + application);
            } else {
                int least = PROD_MIN_REPLICAS.getOrDefault(application, 3);
                assertTrue(min >= least && max > min, "prod: at least " + least + " replicas of " + application
                        + " and room to grow, not " + min + "-" + max);
            }
            assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                    && "cpu".equals(m.getResource().getName())
                    && "Utilization".equals(m.getResource().getTarget().getType())), application + " scales on CPU utilisation");
            assertNull(rendered.get(Deployment.class, application).getSpec().getReplicas(),
                    application + ": the autoscaler owns the replica count, the Deployment must not set one");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyApplicationAndKeycloakHasADisruptionBudgetForItsOwnPods(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> names = new ArrayList<>(Project.APPLICATIONS);
        names.add("keycloak");
        for (String name : names) {
            PodDisruptionBudget budget = rendered.get(PodDisruptionBudget.class, name);
            for (Workload workload : rendered.workloads()) {
                boolean selected = NetworkGraph.selects(budget.getSpec().getSelector(), workload.podMetadata().getLabels());
                assertEquals(workload.name().equals(name), selected, "PDB " + name + " selecting " + workload);
            }
            assertEquals(new IntOrString(1), budget.getSpec().getMaxUnavailable(),
                    name + ": one pod at a time (maxUnavailable keeps single-replica dev drainable)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void rollingUpdatesNeverDropBelowTheCurrentCapacity(String overlay) {
        for (Deployment deployment : RenderedOverlay.of(overlay).all(Deployment.class)) {
            var strategy = deployment.getSpec().getStrategy();
            assertEquals("RollingUpdate", strategy.getType());
            assertEquals(new IntOrString(0), strategy.getRollingUpdate().getMaxUnavailable(), deployment.getMetadata().getName());
        }
    }

    @Test
    void keycloakRunsOnceInDevAndReplicatedInProd() {
        assertEquals(1, RenderedOverlay.of("dev").get(Deployment.class, "keycloak").getSpec().getReplicas());
        assertTrue(RenderedOverlay.of("prod").get(Deployment.class, "keycloak").getSpec().getReplicas() >= 2);
    }

    @Test
    void prodStoresAreReplicatedByTheirOperators() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        assertEquals(DATABASES.size(), prod.all(CnpgCluster.class).size());
        for (String database : DATABASES) {
            CnpgCluster cluster = prod.get(CnpgCluster.class, database + "-db");
            var spec = cluster.spec();
            assertTrue(spec.instances() >= 3, database + ": a primary and at least two standbys");
            assertEquals(database, spec.bootstrap().initdb().database());
            assertEquals(database, spec.bootstrap().initdb().owner());
            assertTrue(spec.postgresql().synchronous().number() >= 1, database + ": synchronous replication");
            assertEquals("required", spec.affinity().podAntiAffinityType(), database + ": instances on different nodes");
            assertEquals(database + "-db", spec.inheritedMetadata().labels().get("cms.newsroom.io/store"),
                    database + ": the label the network policies select");
            assertTrue(Boolean.FALSE.equals(spec.enableSuperuserAccess()), database + ": no superuser secret");
        }
        MongoDBCommunity mongo = prod.get(MongoDBCommunity.class, "curation-mongodb");
        assertTrue(mongo.spec().members() >= 3, "a three-member replica set");
        assertTrue(mongo.spec().security().authentication().modes().stream().anyMatch(m -> m.startsWith("SCRAM")));
        assertEquals(Map.of("name", "readWrite", "db", "curation"), Map.of(
                "name", mongo.spec().users().get(0).roles().get(0).name(), "db", mongo.spec().users().get(0).roles().get(0).db()),
                "the curation user may use its own database only");
        assertTrue(mongo.spec().statefulSet().spec().getVolumeClaimTemplates().stream()
                .anyMatch(claim -> claim.getMetadata().getName().equals("data-volume")), "persistent data volume");
        assertTrue(prod.all(StatefulSet.class).isEmpty(), "prod runs no hand-made database StatefulSet");
    }

    @Test
    void devStoresArePersistentSingleInstancesBehindTheProdServiceNames() {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        for (String database : DATABASES) {
            StatefulSet store = dev.get(StatefulSet.class, database + "-db");
            assertEquals(1, store.getSpec().getReplicas());
            assertTrue(store.getSpec().getVolumeClaimTemplates().stream().anyMatch(c -> c.getMetadata().getName().equals("data")),
                    database + " keeps its data in a persistent volume");
            List<EnvVar> env = store.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            assertTrue(env.stream().anyMatch(v -> v.getName().equals("POSTGRES_DB") && database.equals(v.getValue())));
            // The same Service name as the CloudNativePG primary in prod, so the JDBC URL does not change.
            Service service = dev.get(Service.class, database + "-db-rw");
            assertTrue(NetworkGraph.selects(new LabelSelectorBuilder()
                    .withMatchLabels(service.getSpec().getSelector()).build(), store.getSpec().getTemplate().getMetadata().getLabels()));
        }
        StatefulSet mongo = dev.get(StatefulSet.class, "curation-mongodb");
        assertTrue(mongo.getSpec().getVolumeClaimTemplates().stream().anyMatch(c -> c.getMetadata().getName().equals("data")));
        assertTrue(dev.all(CnpgCluster.class).isEmpty() && dev.all(MongoDBCommunity.class).isEmpty(), "dev needs no operator");
    }

    /**
     * dev's object storage for media: one S3Mock pod, the release ./cms up and the tests run (s3mock.version of the
     * root pom), keeping its buckets on a persistent volume across restarts, behind the Service the dev Secret names.
     */
    @Test
    void devMediaStorageIsOnePersistentS3MockPod() throws IOException {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        StatefulSet store = dev.get(StatefulSet.class, "media-s3");
        assertEquals(1, store.getSpec().getReplicas());
        Container container = store.getSpec().getTemplate().getSpec().getContainers().get(0);
        Matcher version = Pattern.compile("<s3mock\\.version>([^<]+)</s3mock\\.version>")
                .matcher(Files.readString(Project.repoRoot().resolve("pom.xml")));
        assertTrue(version.find(), "the root pom defines s3mock.version");
        assertEquals("adobe/s3mock:" + version.group(1), container.getImage(), "the S3Mock of ./cms up and the tests");

        Map<String, EnvValue> env = dev.environment(container);
        assertEquals("true", env.get("COM_ADOBE_TESTING_S3MOCK_STORE_RETAIN_FILES_ON_EXIT").value(),
                "S3Mock deletes its files on exit unless told to keep them");
        String root = env.get("COM_ADOBE_TESTING_S3MOCK_STORE_ROOT").value();
        PersistentVolumeClaim claim = store.getSpec().getVolumeClaimTemplates().stream()
                .filter(c -> c.getMetadata().getName().equals("data")).findFirst()
                .orElseThrow(() -> new AssertionError("media-s3 keeps its objects in a persistent volume"));
        VolumeMount data = container.getVolumeMounts().stream().filter(m -> m.getName().equals(claim.getMetadata().getName()))
                .findFirst().orElseThrow();
        assertTrue(root.startsWith(data.getMountPath() + "/"), root + " is below " + data.getMountPath() + " (not next to lost+found)");

        Service service = dev.get(Service.class, "media-s3");
        assertTrue(NetworkGraph.selects(new LabelSelectorBuilder()
                .withMatchLabels(service.getSpec().getSelector()).build(), store.getSpec().getTemplate().getMetadata().getLabels()));
        assertEquals("media-s3", store.getSpec().getTemplate().getMetadata().getLabels().get("cms.newsroom.io/store"),
                "the label the network policies select");
        assertTrue(RenderedOverlay.of("prod").find(StatefulSet.class, "media-s3").isEmpty(), "prod: a real object storage");
    }
}
