package io.newsroom.cms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.newsroom.cms.deploy.support.OperatorResources.CnpgCluster;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.RenderedOverlay.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every container the overlays run: probes, requests and limits, a hardened security context, pinned images. */
class WorkloadHardeningTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyContainerHasStartupReadinessAndLivenessProbes(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : RenderedOverlay.of(overlay).workloads()) {
            for (Container container : workload.podSpec().getContainers()) {
                String where = workload + " container " + container.getName();
                check(problems, container.getStartupProbe() != null, where + " has no startupProbe");
                check(problems, container.getReadinessProbe() != null, where + " has no readinessProbe");
                check(problems, container.getLivenessProbe() != null, where + " has no livenessProbe");
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void theApplicationsAreProbedOnTheirQuarkusHealthEndpoints(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String application : Project.APPLICATIONS) {
            Container container = single(rendered.workload("Deployment", application));
            assertHttpProbe(container, container.getStartupProbe(), "/q/health/started", 8080);
            assertHttpProbe(container, container.getReadinessProbe(), "/q/health/ready", 8080);
            assertHttpProbe(container, container.getLivenessProbe(), "/q/health/live", 8080);
        }
        Container keycloak = single(rendered.workload("Deployment", "keycloak"));
        assertHttpProbe(keycloak, keycloak.getStartupProbe(), "/health/started", 9000);
        assertHttpProbe(keycloak, keycloak.getReadinessProbe(), "/health/ready", 9000);
        assertHttpProbe(keycloak, keycloak.getLivenessProbe(), "/health/live", 9000);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : RenderedOverlay.of(overlay).workloads()) {
            workload.allContainers().forEach(container -> {
                String where = workload + " container " + container.getName();
                var resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources == null ? null : resources.getRequests().get(resource);
                    Quantity limit = resources == null ? null : resources.getLimits().get(resource);
                    check(problems, request != null, where + " has no " + resource + " request");
                    check(problems, limit != null, where + " has no " + resource + " limit");
                    if (request != null && limit != null) {
                        check(problems, request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                                where + " requests more " + resource + " than its limit");
                    }
                }
            });
        }
        for (CnpgCluster cluster : RenderedOverlay.of(overlay).all(CnpgCluster.class)) {
            var resources = cluster.spec().resources();
            check(problems, resources != null && resources.getRequests().keySet().containsAll(List.of("cpu", "memory"))
                    && resources.getLimits().keySet().containsAll(List.of("cpu", "memory")),
                    "Cluster/" + cluster.metadata().getName() + " needs cpu and memory requests and limits");
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyContainerRunsHardened(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : RenderedOverlay.of(overlay).workloads()) {
            var pod = workload.podSpec();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            check(problems, !Boolean.TRUE.equals(pod.getHostNetwork()) && !Boolean.TRUE.equals(pod.getHostPID())
                    && !Boolean.TRUE.equals(pod.getHostIPC()), workload + " shares a host namespace");
            check(problems, pod.getVolumes().stream().noneMatch(v -> v.getHostPath() != null), workload + " mounts a hostPath");
            check(problems, Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()),
                    workload + " must not mount a service account token (automountServiceAccountToken: false)");
            check(problems, podContext.getSeccompProfile() != null
                    && "RuntimeDefault".equals(podContext.getSeccompProfile().getType()), workload + " needs seccompProfile RuntimeDefault");
            workload.allContainers().forEach(container -> {
                String where = workload + " container " + container.getName();
                SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
                check(problems, Boolean.FALSE.equals(context.getAllowPrivilegeEscalation()), where + ": allowPrivilegeEscalation must be false");
                check(problems, Boolean.TRUE.equals(context.getReadOnlyRootFilesystem()), where + ": readOnlyRootFilesystem must be true");
                check(problems, !Boolean.TRUE.equals(context.getPrivileged()), where + " is privileged");
                check(problems, context.getCapabilities() != null && context.getCapabilities().getDrop().contains("ALL"),
                        where + ": capabilities must drop ALL");
                check(problems, context.getCapabilities() == null || context.getCapabilities().getAdd().isEmpty(),
                        where + " adds capabilities");
                boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                        || (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
                check(problems, nonRoot, where + ": runAsNonRoot must be true");
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                check(problems, user != null && user != 0L, where + " must run as a fixed non-zero user id");
                check(problems, container.getPorts().stream().noneMatch(p -> p.getHostPort() != null), where + " uses a hostPort");
            });
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard(String overlay) {
        Namespace namespace = RenderedOverlay.of(overlay).get(Namespace.class, Project.NAMESPACE);
        assertEquals("restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyImageIsPinnedAndSetInTheOverlaysImageList(String overlay) throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(Project.overlay(overlay).resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>();
        for (JsonNode image : kustomization.path("images")) {
            String name = image.path("newName").asText(image.path("name").asText());
            assertFalse(image.path("newTag").asText().isBlank(), overlay + ": images entry " + name + " needs a newTag");
            listed.add(name + ":" + image.path("newTag").asText());
        }
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> images = new ArrayList<>();
        rendered.workloads().forEach(w -> w.allContainers().forEach(c -> images.add(c.getImage())));
        rendered.all(CnpgCluster.class).forEach(c -> images.add(c.spec().imageName()));
        List<String> problems = new ArrayList<>();
        for (String image : images) {
            check(problems, listed.contains(image), overlay + ": image " + image
                    + " is not one of the `images` entries of its kustomization.yaml " + listed);
            check(problems, !image.endsWith(":latest"), overlay + ": image " + image + " uses the moving tag latest");
        }
        rendered.workloads().forEach(w -> w.allContainers().forEach(c -> check(problems,
                Set.of("IfNotPresent", "Always").contains(c.getImagePullPolicy()),
                w + " container " + c.getName() + ": imagePullPolicy must be IfNotPresent or Always")));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void podsAreSpreadAcrossZonesAndNodes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<TopologySpreadConstraint> constraints = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            Function<String, Optional<TopologySpreadConstraint>> byKey = key ->
                    constraints.stream().filter(c -> key.equals(c.getTopologyKey())).findFirst();
            for (String key : List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname")) {
                TopologySpreadConstraint constraint = byKey.apply(key).orElseThrow(() ->
                        new AssertionError(overlay + ": Deployment " + deployment.getMetadata().getName() + " is not spread over " + key));
                assertEquals(1, constraint.getMaxSkew());
                assertTrue(podLabels.entrySet().containsAll(constraint.getLabelSelector().getMatchLabels().entrySet()),
                        "the spread constraint selects the Deployment's own pods");
                assertEquals("Honor", constraint.getNodeTaintsPolicy(), "tainted nodes must not count as empty domains");
            }
            if (overlay.equals("prod")) {
                assertEquals("DoNotSchedule", byKey.apply("kubernetes.io/hostname").orElseThrow().getWhenUnsatisfiable(),
                        "prod: replicas of " + deployment.getMetadata().getName() + " must not share a node while another is free");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void prometheusFindsTheMetricsOfEveryApplicationAndKeycloak(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String application : Project.APPLICATIONS) {
            assertScrapeAnnotations(rendered.workload("Deployment", application), "8080", "/q/metrics");
        }
        assertScrapeAnnotations(rendered.workload("Deployment", "keycloak"), "9000", "/metrics");
    }

    /**
     * media decodes the pictures it is given: a 50-megapixel image takes ~200 MB of heap (4 bytes a pixel), besides the
     * renditions made from it, and two uploads may be decoded at once. The heap is the share of the memory limit the
     * image's JVM takes (MaxRAMPercentage of docker/Dockerfile.jvm; nothing in the manifests overrides it), and must
     * hold two such decodes and the service itself; the rest of the limit stays for the JVM's own memory and the
     * WebP encoder's native buffers. Uploads in progress and ImageIO's cache go to /tmp, which must hold several.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void mediaHasRoomToDecodeLargePictures(String overlay) throws IOException {
        Workload media = RenderedOverlay.of(overlay).workload("Deployment", "media");
        Container container = single(media);
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)")
                .matcher(Files.readString(Project.deployDir().resolve("docker/Dockerfile.jvm")));
        assertTrue(percentage.find(), "docker/Dockerfile.jvm sizes the heap with MaxRAMPercentage");
        List<String> jvmOptions = new ArrayList<>();
        RenderedOverlay.of(overlay).environment(container).forEach((name, value) -> {
            if (Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS").contains(name)) {
                jvmOptions.add(name + "=" + value.value());
            }
        });
        assertTrue(jvmOptions.stream().noneMatch(o -> o.contains("Xmx") || o.contains("MaxHeapSize") || o.contains("RAMPercentage")),
                overlay + ": the heap is the image's share of the limit, not overridden: " + jvmOptions);
        long limit = container.getResources().getLimits().get("memory").getNumericalAmount().longValue();
        long heap = (long) (limit * Double.parseDouble(percentage.group(1)) / 100);
        long mib = 1024L * 1024;
        assertTrue(heap >= 640 * mib, overlay + ": media's heap is " + heap / mib + " MiB of a " + limit / mib
                + " MiB limit; two 50-megapixel decodes (~200 MB each) and the service need at least 640 MiB");
        assertTrue(limit - heap >= 192 * mib, overlay + ": " + (limit - heap) / mib + " MiB beside the heap; the JVM and the"
                + " WebP encoder need at least 192 MiB");
        long request = container.getResources().getRequests().get("memory").getNumericalAmount().longValue();
        assertTrue(request >= heap, overlay + ": media requests at least its heap (" + request / mib + " MiB), it is used in bursts");

        var tmp = media.podSpec().getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("media has a /tmp volume"));
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getName().equals("tmp") && m.getMountPath().equals("/tmp")));
        assertTrue(tmp.getEmptyDir() != null && tmp.getEmptyDir().getSizeLimit() != null
                        && tmp.getEmptyDir().getSizeLimit().getNumericalAmount().longValue() >= 512 * mib,
                overlay + ": media's /tmp holds several 25 MB uploads and their decoding caches (at least 512 MiB)");
    }

    private static void assertScrapeAnnotations(Workload workload, String port, String path) {
        Map<String, String> annotations = workload.podMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"), workload + " scrape");
        assertEquals(port, annotations.get("prometheus.io/port"), workload + " metrics port");
        assertEquals(path, annotations.get("prometheus.io/path"), workload + " metrics path");
        assertTrue(single(workload).getPorts().stream().anyMatch(p -> p.getContainerPort().toString().equals(port)),
                workload + " exposes the metrics port");
    }

    private static void assertHttpProbe(Container container, Probe probe, String path, int port) {
        assertNotNull(probe, container.getName());
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, container.getName() + " probes over HTTP");
        assertEquals(path, get.getPath(), container.getName());
        int resolved = get.getPort().getIntVal() != null
                ? get.getPort().getIntVal()
                : container.getPorts().stream().filter(p -> get.getPort().getStrVal().equals(p.getName()))
                        .findFirst().orElseThrow(() -> new AssertionError(container.getName() + " has no port " + get.getPort().getStrVal()))
                        .getContainerPort();
        assertEquals(port, resolved, container.getName() + " " + path + " port");
    }

    private static Container single(Workload workload) {
        assertEquals(1, workload.podSpec().getContainers().size(), workload + " has one container");
        return workload.podSpec().getContainers().get(0);
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
