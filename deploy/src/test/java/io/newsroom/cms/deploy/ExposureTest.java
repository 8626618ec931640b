package io.newsroom.cms.deploy;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.newsroom.cms.deploy.support.NetworkGraph;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.RenderedOverlay.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the gateway (and Keycloak's login paths) can be reached from outside the cluster, with room for uploads. */
class ExposureTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    /** Keycloak's browser-facing paths; the admin console, metrics and health stay internal. */
    static final Set<String> KEYCLOAK_PUBLIC_PATHS = Set.of("/realms", "/resources");

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyServiceIsClusterInternal(String overlay) {
        for (Service service : RenderedOverlay.of(overlay).all(Service.class)) {
            assertEquals("ClusterIP", service.getSpec().getType(), service.getMetadata().getName()
                    + ": no NodePort, LoadBalancer or ExternalName; traffic comes in through the Ingress");
            assertTrue(service.getSpec().getExternalIPs().isEmpty(), service.getMetadata().getName() + " has external IPs");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyServiceSelectsExactlyOneWorkloadAndAPortItExposes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (Service service : rendered.all(Service.class)) {
            var selector = new LabelSelectorBuilder().withMatchLabels(service.getSpec().getSelector()).build();
            List<Workload> selected = rendered.workloads().stream()
                    .filter(w -> NetworkGraph.selects(selector, w.podMetadata().getLabels())).toList();
            assertEquals(1, selected.size(), "Service " + service.getMetadata().getName() + " selects " + selected);
            for (ServicePort port : service.getSpec().getPorts()) {
                boolean exposed = selected.get(0).podSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                        .anyMatch(p -> port.getTargetPort().getStrVal() != null
                                ? port.getTargetPort().getStrVal().equals(p.getName())
                                : port.getTargetPort().getIntVal().equals(p.getContainerPort()));
                assertTrue(exposed, "Service " + service.getMetadata().getName() + " targets a port its pods do not expose");
            }
        }
    }

    @Test
    void devIsReachedThroughPortForwardingOnly() {
        assertTrue(RenderedOverlay.of("dev").all(Ingress.class).isEmpty(), "dev has no Ingress");
    }

    @Test
    void prodRoutesOnlyToTheGatewayAndKeycloaksLoginPaths() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        List<Ingress> ingresses = prod.all(Ingress.class);
        assertFalse(ingresses.isEmpty());
        Map<String, Set<String>> pathsByBackend = new TreeMap<>();
        for (Ingress ingress : ingresses) {
            String name = ingress.getMetadata().getName();
            assertTrue(ingress.getSpec().getIngressClassName() != null, name + " names its ingress class");
            assertEquals(null, ingress.getSpec().getDefaultBackend(), name + " has a default backend");
            Set<String> tlsHosts = new TreeSet<>();
            ingress.getSpec().getTls().forEach(tls -> tlsHosts.addAll(tls.getHosts()));
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertTrue(tlsHosts.contains(rule.getHost()), name + ": " + rule.getHost() + " is served without TLS");
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String service = path.getBackend().getService().getName();
                    pathsByBackend.computeIfAbsent(service, s -> new TreeSet<>()).add(path.getPath());
                    String port = path.getBackend().getService().getPort().getName();
                    assertTrue(prod.get(Service.class, service).getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(port)),
                            name + ": Service " + service + " has no port " + port);
                    assertEquals("Prefix", path.getPathType());
                }
            }
        }
        assertEquals(Set.of("gateway", "keycloak"), pathsByBackend.keySet(), "the services are never routed to directly");
        assertEquals(Set.of("/", "/public/v1", "/preview", "/api/media"), pathsByBackend.get("gateway"));
        assertEquals(KEYCLOAK_PUBLIC_PATHS, pathsByBackend.get("keycloak"));
    }

    /**
     * Uploads to the media library (up to 25 MB) get through the ingress: ingress-nginx refuses bodies over 1 MB by
     * default, so every path the gateway takes uploads on (cms.http.uploads.paths of its application.properties) is
     * routed by an Ingress whose proxy-body-size admits the gateway's own limit for them (cms.http.uploads.max-size),
     * bounded (not 0, unlimited), streaming the body on instead of buffering it; no other Ingress raises the limit.
     */
    @Test
    void prodLetsUploadsToTheMediaLibraryThroughTheIngress() throws IOException {
        Properties gateway = ServiceConfigurationTest.properties("gateway");
        String paths = gateway.getProperty("cms.http.uploads.paths");
        String maxSize = gateway.getProperty("cms.http.uploads.max-size");
        assertTrue(paths != null && maxSize != null, "the gateway's application.properties sets cms.http.uploads.paths and"
                + " cms.http.uploads.max-size (the media library's uploads): " + paths + ", " + maxSize);
        long gatewayLimit = bytes(maxSize);
        long mib = 1024L * 1024;
        assertTrue(gatewayLimit > 25 * mib, "the gateway takes a 25 MB picture and its form: " + maxSize);
        List<String> uploadPaths = Arrays.stream(paths.split(",")).map(String::strip).toList();
        assertTrue(uploadPaths.contains("/api/media"), "the media library's uploads: " + uploadPaths);

        Map<String, Ingress> byPath = new TreeMap<>();
        for (Ingress ingress : RenderedOverlay.of("prod").all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> byPath.put(path.getPath(), ingress)));
        }
        Set<String> raised = new TreeSet<>();
        for (String uploadPath : uploadPaths) {
            Ingress ingress = byPath.get(uploadPath);
            assertTrue(ingress != null, "an Ingress routes the upload path " + uploadPath + " itself (annotations are per Ingress)");
            Map<String, String> annotations = ingress.getMetadata().getAnnotations();
            String bodySize = annotations.get(NGINX + "proxy-body-size");
            assertTrue(bodySize != null, ingress.getMetadata().getName() + " sets proxy-body-size (ingress-nginx's default is 1m)");
            long ingressLimit = bytes(bodySize);
            assertTrue(ingressLimit >= gatewayLimit, ingress.getMetadata().getName() + ": proxy-body-size " + bodySize
                    + " admits what the gateway takes (" + maxSize + ")");
            assertTrue(ingressLimit > 0 && ingressLimit <= 2 * gatewayLimit, ingress.getMetadata().getName()
                    + ": proxy-body-size " + bodySize + " is bounded near the gateway's limit");
            assertEquals("off", annotations.get(NGINX + "proxy-request-buffering"),
                    ingress.getMetadata().getName() + ": the upload streams on instead of waiting on the controller's disk");
            raised.add(ingress.getMetadata().getName());
        }
        for (Ingress ingress : RenderedOverlay.of("prod").all(Ingress.class)) {
            if (!raised.contains(ingress.getMetadata().getName())) {
                assertTrue(!ingress.getMetadata().getAnnotations().containsKey(NGINX + "proxy-body-size"),
                        ingress.getMetadata().getName() + " keeps the default body limit");
            }
        }
    }

    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    /** A size as ingress-nginx (26m) or Quarkus (26M) writes it: bytes, or k/m/g with binary multiples. */
    static long bytes(String size) {
        Matcher matcher = Pattern.compile("([0-9]+)([kKmMgG]?)").matcher(size.strip());
        assertTrue(matcher.matches(), "not a size: " + size);
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> value * 1024;
            case "m" -> value * 1024 * 1024;
            case "g" -> value * 1024 * 1024 * 1024;
            default -> value;
        };
    }

    /**
     * The public API is rate limited per client at the ingress (the gateway behind it sees one address): ingress-nginx
     * annotations on the Ingress that routes /public/v1 and the preview links' pages (/preview: anonymous, and each read
     * asks the articles service), and on no other, so signed-in editors are not limited by it.
     */
    @Test
    void prodRateLimitsThePublicApiPerClientAtTheIngress() {
        Map<String, Map<String, String>> limitsByPath = new TreeMap<>();
        for (Ingress ingress : RenderedOverlay.of("prod").all(Ingress.class)) {
            Map<String, String> limits = new TreeMap<>();
            ingress.getMetadata().getAnnotations().forEach((key, value) -> {
                if (key.startsWith("nginx.ingress.kubernetes.io/limit-")) {
                    limits.put(key.substring("nginx.ingress.kubernetes.io/".length()), value);
                }
            });
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                    limitsByPath.put(path.getBackend().getService().getName() + " " + path.getPath(), limits)));
        }
        Map<String, String> publicLimits = limitsByPath.get("gateway /public/v1");
        assertEquals(Set.of("limit-rps", "limit-burst-multiplier", "limit-connections"), publicLimits.keySet());
        publicLimits.forEach((key, value) -> assertTrue(value.matches("[1-9][0-9]*"), key + " is a positive whole number: " + value));
        assertEquals(publicLimits, limitsByPath.get("gateway /preview"), "preview pages are limited like the public API");
        limitsByPath.forEach((path, limits) -> {
            if (!path.equals("gateway /public/v1") && !path.equals("gateway /preview")) {
                assertEquals(Map.of(), limits, path + " is not rate limited at the ingress");
            }
        });
    }
}
