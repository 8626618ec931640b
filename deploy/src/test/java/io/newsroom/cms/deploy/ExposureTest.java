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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the gateway (and Keycloak's login paths) can be reached from outside the cluster. */
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
        assertEquals(Set.of("/", "/public/v1"), pathsByBackend.get("gateway"));
        assertEquals(KEYCLOAK_PUBLIC_PATHS, pathsByBackend.get("keycloak"));
    }

    /**
     * The public API is rate limited per client at the ingress (the gateway behind it sees one address): ingress-nginx
     * annotations on the Ingress that routes /public/v1, and on no other, so signed-in editors are not limited by it.
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
        limitsByPath.forEach((path, limits) -> {
            if (!path.equals("gateway /public/v1")) {
                assertEquals(Map.of(), limits, path + " is not rate limited at the ingress");
            }
        });
    }
}
