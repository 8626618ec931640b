package io.newsroom.cms.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.newsroom.cms.deploy.support.NetworkGraph;
import io.newsroom.cms.deploy.support.NetworkGraph.Peer;
import io.newsroom.cms.deploy.support.NetworkGraph.Port;
import io.newsroom.cms.deploy.support.OperatorResources.CnpgCluster;
import io.newsroom.cms.deploy.support.OperatorResources.Kafka;
import io.newsroom.cms.deploy.support.OperatorResources.KafkaNodePool;
import io.newsroom.cms.deploy.support.OperatorResources.MongoDBCommunity;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.Realms;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.Strimzi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network policies, evaluated: the complete set of allowed connections between every pod of
 * an overlay and the outside peers that matter, on every port in use, is exactly the intended one.
 * In prod the policies Strimzi generates for its Kafka pods are evaluated with ours (they add up).
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    private static final List<Port> PORTS = List.of(
            new Port(53, "UDP"), new Port(53, "TCP"), new Port(80, "TCP"), new Port(443, "TCP"), new Port(5432, "TCP"),
            new Port(6443, "TCP"), new Port(7800, "TCP"), new Port(8000, "TCP"), new Port(8080, "TCP"),
            new Port(8443, "TCP"), new Port(9000, "TCP"), new Port(9090, "TCP"), new Port(9091, "TCP"),
            new Port(9092, "TCP"), new Port(9093, "TCP"), new Port(9191, "TCP"), new Port(27017, "TCP"), new Port(57800, "TCP"));

    /** Kafka's clients: every application (media included, for its picture events), on the broker port only. */
    private static final List<String> KAFKA_CLIENTS = Project.KAFKA_CLIENTS;

    /** The traffic both overlays allow (DNS is added for every pod below). */
    private static final List<String> APPLICATION_TRAFFIC = List.of(
            "gateway -> articles:8080",
            "gateway -> authors:8080",
            "gateway -> curation:8080",
            "gateway -> webhooks:8080",
            "gateway -> media:8080",
            "gateway -> keycloak:8080",
            "articles -> authors:8080",
            "articles -> media:8080",
            "articles -> keycloak:8080",
            "articles -> articles-db:5432",
            "authors -> media:8080",
            "authors -> keycloak:8080",
            "authors -> authors-db:5432",
            "curation -> articles:8080",
            "curation -> media:8080",
            "curation -> keycloak:8080",
            "curation -> curation-mongodb:27017",
            "webhooks -> keycloak:8080",
            "webhooks -> webhooks-db:5432",
            "media -> keycloak:8080",
            "media -> media-db:5432",
            "gateway -> kafka:9092",
            "articles -> kafka:9092",
            "authors -> kafka:9092",
            "curation -> kafka:9092",
            "webhooks -> kafka:9092",
            "media -> kafka:9092",
            "keycloak -> keycloak:7800",
            "keycloak -> keycloak:57800",
            "keycloak -> keycloak-db:5432",
            "prometheus -> gateway:8080",
            "prometheus -> articles:8080",
            "prometheus -> authors:8080",
            "prometheus -> curation:8080",
            "prometheus -> webhooks:8080",
            "prometheus -> media:8080",
            "prometheus -> keycloak:9000");

    /** What prod adds: the ingress controller, and the operators' and replicated stores' own traffic. */
    private static final List<String> PROD_TRAFFIC = List.of(
            "ingress-controller -> gateway:8080",
            "ingress-controller -> keycloak:8080",
            "articles-db -> articles-db:5432",
            "articles-db -> articles-db:8000",
            "authors-db -> authors-db:5432",
            "authors-db -> authors-db:8000",
            "keycloak-db -> keycloak-db:5432",
            "keycloak-db -> keycloak-db:8000",
            "webhooks-db -> webhooks-db:5432",
            "webhooks-db -> webhooks-db:8000",
            "media-db -> media-db:5432",
            "media-db -> media-db:8000",
            "curation-mongodb -> curation-mongodb:27017",
            "cnpg-operator -> articles-db:5432",
            "cnpg-operator -> articles-db:8000",
            "cnpg-operator -> authors-db:5432",
            "cnpg-operator -> authors-db:8000",
            "cnpg-operator -> keycloak-db:5432",
            "cnpg-operator -> keycloak-db:8000",
            "cnpg-operator -> webhooks-db:5432",
            "cnpg-operator -> webhooks-db:8000",
            "cnpg-operator -> media-db:5432",
            "cnpg-operator -> media-db:8000",
            // Strimzi: KRaft controllers and replication between the nodes, the cluster operator on
            // both and on the nodes' agent, the Topic Operator on the replication listener.
            "kafka -> kafka:9090",
            "kafka -> kafka:9091",
            "strimzi-operator -> kafka:9090",
            "strimzi-operator -> kafka:9091",
            "strimzi-operator -> kafka:8443",
            "kafka-entity-operator -> kafka:9091");

    /**
     * The stores and the Topic Operator call the Kubernetes API; its address is cluster-specific, so
     * the rule allows 443/6443 to anything outside.
     */
    private static final List<String> API_CLIENTS = List.of("articles-db", "authors-db", "keycloak-db", "webhooks-db", "media-db",
            "curation-mongodb", "kafka-entity-operator");

    private static final List<String> POD_NAMES = List.of("gateway", "articles", "authors", "curation", "webhooks", "media", "keycloak",
            "articles-db", "authors-db", "keycloak-db", "webhooks-db", "media-db", "curation-mongodb", "kafka");

    /** dev's object storage for media (S3Mock): a pod only dev has; prod's store is outside the cluster. */
    private static final String DEV_MEDIA_STORE = "media-s3";

    /** The S3 API of dev's object storage (S3Mock's HTTP port; its HTTPS port 9191 stays closed). */
    private static final Port DEV_MEDIA_STORE_PORT = new Port(9090, "TCP");

    /** Pods only dev has. */
    private static final List<String> DEV_POD_NAMES = List.of(DEV_MEDIA_STORE);

    /** Where webhooks go: systems outside the cluster, on HTTP and HTTPS only. */
    private static final List<Port> WEB_PORTS = List.of(new Port(80, "TCP"), new Port(443, "TCP"));

    /** The applications that go out of the cluster, and their ports; no other pod but the stores' API calls does. Media
     * reaches its object storage (a real S3, HTTPS) and the web sites pictures are imported from (HTTP and HTTPS). */
    private static final Map<String, List<Port>> INTERNET_PORTS = Map.of("webhooks", WEB_PORTS, "media", WEB_PORTS);

    /**
     * The ranges webhooks must never reach (SSRF): private networks (nodes, pods, Services, the cloud's internal
     * endpoints), link-local (cloud metadata service), shared CGNAT (some clusters' pod ranges), loopback.
     */
    static final Set<String> PRIVATE_RANGES = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
            "100.64.0.0/10", "127.0.0.0/8");

    /** An address on the public internet (a documentation address standing for any public one). */
    private static final String PUBLIC_ADDRESS = "public-address";

    /** Addresses outside our namespace in the ranges above, one or more per range, by peer name. */
    private static final Map<String, String> PRIVATE_ADDRESSES = privateAddresses();

    private static Map<String, String> privateAddresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("private-address-10", "10.96.0.1");
        addresses.put("private-address-172", "172.31.255.254");
        addresses.put("private-address-192", "192.168.49.2");
        addresses.put("metadata-address", "169.254.169.254");
        addresses.put("cgnat-address", "100.64.0.10");
        addresses.put("loopback-address", "127.0.0.1");
        return addresses;
    }

    /** Pods only prod has: Strimzi's entity operator (dev's Kafka is one pod without operator). */
    private static final List<String> PROD_POD_NAMES = List.of("kafka-entity-operator");

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void allowedTrafficIsExactlyTheIntendedGraph(String overlayName) {
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        List<Peer> peers = peers(overlay);
        List<String> podNames = new ArrayList<>(POD_NAMES);
        if (overlayName.equals("prod")) {
            podNames.addAll(PROD_POD_NAMES);
        } else {
            podNames.addAll(DEV_POD_NAMES);
        }
        assertEquals(new TreeSet<>(podNames), new TreeSet<>(peers.stream()
                .filter(p -> Project.NAMESPACE.equals(p.namespace()))
                .map(Peer::name).toList()), "pods of the overlay");

        TreeSet<String> expected = new TreeSet<>(APPLICATION_TRAFFIC);
        if (overlayName.equals("dev")) {
            expected.add("media -> " + DEV_MEDIA_STORE + ":" + DEV_MEDIA_STORE_PORT);
        }
        podNames.forEach(pod -> {
            expected.add(pod + " -> kube-dns:53/UDP");
            expected.add(pod + " -> kube-dns:53");
        });
        if (overlayName.equals("prod")) {
            expected.addAll(PROD_TRAFFIC);
            List<Peer> outside = peers.stream().filter(p -> !Project.NAMESPACE.equals(p.namespace())).toList();
            outside.forEach(peer -> API_CLIENTS.forEach(client -> {
                expected.add(client + " -> " + peer.name() + ":443");
                expected.add(client + " -> " + peer.name() + ":6443");
            }));
            // Strimzi's own policy opens the Topic Operator's health port to every namespace (README);
            // our pods' egress rules keep them out.
            outside.forEach(peer -> expected.add(peer.name() + " -> kafka-entity-operator:" + Strimzi.TOPIC_OPERATOR_HEALTH_PORT));
        }
        // webhooks delivers to the internet on 80/443, media reaches S3 and imports pictures on 80/443, never a private
        // address. The pods of other namespaces count as reached (the evaluator's safe reading of an ipBlock; their addresses are usually
        // private, so the except ranges keep them out as well).
        peers.stream().filter(p -> !Project.NAMESPACE.equals(p.namespace()) && !PRIVATE_ADDRESSES.containsKey(p.name()))
                .forEach(peer -> INTERNET_PORTS.forEach((application, ports) ->
                        ports.forEach(port -> expected.add(application + " -> " + peer.name() + ":" + port))));
        TreeSet<String> actual = new NetworkGraph(policies(overlay)).allowedConnections(peers, PORTS);

        TreeSet<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        assertTrue(unexpected.isEmpty() && missing.isEmpty(),
                "allowed but not intended: " + unexpected + "\nintended but not allowed: " + missing);
    }

    /** The graph above, told for Kafka alone: the applications using Kafka reach the broker port, nothing else does. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void onlyTheApplicationsReachKafkasBrokerPort(String overlayName) {
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        List<Peer> peers = peers(overlay);
        Peer kafka = peers.stream().filter(p -> p.name().equals("kafka")).findFirst().orElseThrow();
        NetworkGraph graph = new NetworkGraph(policies(overlay));
        Port broker = new Port(9092, "TCP");
        List<String> clients = peers.stream().filter(p -> graph.allowed(p, kafka, broker)).map(Peer::name).sorted().toList();
        assertEquals(KAFKA_CLIENTS.stream().sorted().toList(), clients, overlayName + ": who reaches kafka:9092");
        for (String application : KAFKA_CLIENTS) {
            Peer client = peers.stream().filter(p -> p.name().equals(application)).findFirst().orElseThrow();
            assertTrue(graph.allowed(client, kafka, broker), application + " reaches Kafka");
        }
        Peer keycloak = peers.stream().filter(p -> p.name().equals("keycloak")).findFirst().orElseThrow();
        for (Port port : PORTS) {
            assertTrue(!graph.allowed(keycloak, kafka, port), "keycloak must not reach kafka:" + port);
        }
        // Nothing outside the namespace reaches Kafka, on any port, but Strimzi's cluster operator in prod.
        List<String> fromOutside = new ArrayList<>();
        peers.stream().filter(p -> !Project.NAMESPACE.equals(p.namespace())).forEach(p -> PORTS.forEach(port -> {
            if (graph.allowed(p, kafka, port)) {
                fromOutside.add(p.name() + " -> kafka:" + port);
            }
        }));
        assertEquals(overlayName.equals("prod")
                        ? List.of("strimzi-operator -> kafka:8443", "strimzi-operator -> kafka:9090", "strimzi-operator -> kafka:9091")
                        : List.of(),
                fromOutside.stream().sorted().toList(), overlayName + ": Kafka is not exposed");
    }

    /**
     * webhooks delivers to systems outside, at addresses admins register: its egress to the internet is HTTP(S) only,
     * and excludes every private, link-local (cloud metadata), CGNAT and loopback range, so that a target the service
     * fails to refuse (a bug, CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS turned on) still cannot reach the cluster's own network.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void webhooksReachesTheInternetOnHttpAndHttpsButNoPrivateRange(String overlayName) {
        assertInternetEgress(overlayName, "webhooks", "HTTP and HTTPS only");
    }

    /**
     * media reaches its object storage, a real S3 on the internet: HTTPS only, with the same private, link-local (cloud
     * metadata), CGNAT and loopback ranges excepted. (An in-cluster store gets a rule of its own: dev's S3Mock, below.)
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void mediaReachesTheInternetOnHttpsOnlyButNoPrivateRange(String overlayName) {
        assertInternetEgress(overlayName, "media", "HTTPS only");
    }

    /** Of the applications and Keycloak, webhooks and media alone go out to the internet, each on its ports only. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void onlyWebhooksAndMediaReachTheInternet(String overlayName) {
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        List<Peer> peers = peers(overlay);
        NetworkGraph graph = new NetworkGraph(policies(overlay));
        Peer internetAddress = peer(peers, PUBLIC_ADDRESS);
        Map<String, Set<String>> outgoing = new TreeMap<>();
        for (Peer from : peers) {
            if (Project.NAMESPACE.equals(from.namespace()) && !API_CLIENTS.contains(from.name())) {
                PORTS.stream().filter(port -> graph.allowed(from, internetAddress, port))
                        .forEach(port -> outgoing.computeIfAbsent(from.name(), n -> new TreeSet<>()).add(port.toString()));
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        INTERNET_PORTS.forEach((application, ports) -> expected.put(application, new TreeSet<>(ports.stream().map(Port::toString).toList())));
        assertEquals(expected, outgoing, overlayName + ": who reaches the internet, on which ports");
    }

    /**
     * The application's one egress rule with an address range: 0.0.0.0/0 except every private range, on its ports
     * only, and no other policy selecting it adds one; evaluated, a public address is reached on those ports and on
     * nothing else, no private address on any port.
     */
    private static void assertInternetEgress(String overlayName, String application, String portsDescription) {
        List<Port> ports = INTERNET_PORTS.get(application);
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        NetworkPolicy policy = overlay.get(NetworkPolicy.class, application);
        List<NetworkPolicyEgressRule> internet = policy.getSpec().getEgress().stream()
                .filter(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null)).toList();
        assertEquals(1, internet.size(), application + ": one egress rule with an address range");
        NetworkPolicyEgressRule rule = internet.get(0);
        assertEquals(1, rule.getTo().size(), application + ": the address range is the rule's only peer");
        IPBlock block = rule.getTo().get(0).getIpBlock();
        assertEquals("0.0.0.0/0", block.getCidr());
        assertEquals(new TreeSet<>(PRIVATE_RANGES), new TreeSet<>(block.getExcept()), application + ": the ranges excepted");
        assertEquals(new TreeSet<>(ports.stream().map(Port::toString).toList()), new TreeSet<>(rule.getPorts().stream()
                        .map(p -> {
                            assertNotNull(p.getPort(), "a port, not every port");
                            assertTrue(p.getEndPort() == null, "no port range");
                            return new Port(p.getPort().getIntVal(), p.getProtocol()).toString();
                        }).toList()),
                application + ": " + portsDescription);
        // No other policy selecting the application adds an address range.
        overlay.all(NetworkPolicy.class).stream()
                .filter(p -> !p.getMetadata().getName().equals(application))
                .filter(p -> NetworkGraph.selects(p.getSpec().getPodSelector(), Map.of("app.kubernetes.io/name", application)))
                .forEach(p -> assertTrue(p.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream()).allMatch(peer -> peer.getIpBlock() == null),
                        p.getMetadata().getName() + " gives " + application + " another address range"));

        // Evaluated: the public address on its ports and on nothing else, no private address on any port.
        List<Peer> peers = peers(overlay);
        NetworkGraph graph = new NetworkGraph(policies(overlay));
        Peer from = peer(peers, application);
        Peer internetAddress = peer(peers, PUBLIC_ADDRESS);
        for (Port port : PORTS) {
            assertEquals(ports.contains(port), graph.allowed(from, internetAddress, port), application + " -> the internet:" + port);
        }
        PRIVATE_ADDRESSES.forEach((name, ip) -> {
            assertTrue(PRIVATE_RANGES.stream().anyMatch(range -> NetworkGraph.inCidr(ip, range)), ip + " is in a private range");
            for (Port port : PORTS) {
                assertFalse(graph.allowed(from, peer(peers, name), port), application + " -> " + name + " (" + ip + "):" + port);
            }
        });
    }

    /** Only the gateway calls webhooks (the admins' /api/webhooks); Prometheus scrapes it. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void onlyTheGatewayCallsWebhooks(String overlayName) {
        assertEquals(Set.of("gateway:8080", "prometheus:8080"), callers(overlayName, "webhooks"), overlayName + ": who reaches webhooks");
    }

    /**
     * The gateway calls media (the editors' /api/media, the readers' renditions), and so do the services given its
     * address (QUARKUS_REST_CLIENT_MEDIA_URL): articles, authors and curation, recording the usages of the pictures
     * they show with their own tokens; Prometheus scrapes it. Nobody else, on no other port.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void onlyTheGatewayAndThePictureUsersCallMedia(String overlayName) {
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        List<String> mediaClients = Project.APPLICATIONS.stream().filter(application -> overlay.environment(overlay.get(Deployment.class,
                application).getSpec().getTemplate().getSpec().getContainers().get(0)).containsKey("QUARKUS_REST_CLIENT_MEDIA_URL")).toList();
        assertEquals(ServiceConfigurationTest.MEDIA_USAGE_CLIENTS, mediaClients, overlayName + ": the services given media's address");
        Set<String> expected = new TreeSet<>(List.of("gateway:8080", "prometheus:8080"));
        mediaClients.forEach(application -> expected.add(application + ":8080"));
        assertEquals(expected, callers(overlayName, "media"), overlayName + ": who reaches media");
    }

    /**
     * A service with a realm client of its own (Realms.SERVICE_CLIENTS) gets its token from Keycloak (client
     * credentials, the in-cluster token endpoint on 8080) and calls media's usage endpoints with it.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyServiceWithItsOwnClientReachesKeycloakAndMedia(String overlayName) {
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        List<Peer> peers = peers(overlay);
        NetworkGraph graph = new NetworkGraph(policies(overlay));
        Port http = new Port(8080, "TCP");
        for (Realms.ServiceClient client : Realms.SERVICE_CLIENTS) {
            Peer from = peer(peers, client.application());
            assertTrue(graph.allowed(from, peer(peers, "keycloak"), http), overlayName + ": " + client.application() + " -> keycloak:8080");
            assertTrue(graph.allowed(from, peer(peers, "media"), http), overlayName + ": " + client.application() + " -> media:8080");
        }
    }

    /**
     * dev's object storage (one S3Mock pod): media reaches it on its HTTP port, nobody else reaches it on any port, and
     * it reaches nothing but DNS. prod has none in the cluster.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void onlyMediaReachesItsObjectStorageInTheCluster(String overlayName) {
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        List<Peer> peers = peers(overlay);
        if (overlayName.equals("prod")) {
            assertTrue(peers.stream().noneMatch(p -> p.name().equals(DEV_MEDIA_STORE)), "prod: the object storage is outside the cluster");
            return;
        }
        assertEquals(Set.of("media:9090"), callers(overlayName, DEV_MEDIA_STORE), "dev: who reaches " + DEV_MEDIA_STORE);
        NetworkGraph graph = new NetworkGraph(policies(overlay));
        Peer store = peer(peers, DEV_MEDIA_STORE);
        Set<String> reached = new TreeSet<>();
        for (Peer to : peers) {
            for (Port port : PORTS) {
                if (to != store && graph.allowed(store, to, port)) {
                    reached.add(to.name() + ":" + port);
                }
            }
        }
        assertEquals(Set.of("kube-dns:53", "kube-dns:53/UDP"), reached, "dev: what " + DEV_MEDIA_STORE + " reaches");
    }

    /** Who reaches the pod, on which ports, as "peer:port". */
    private static Set<String> callers(String overlayName, String target) {
        RenderedOverlay overlay = RenderedOverlay.of(overlayName);
        List<Peer> peers = peers(overlay);
        NetworkGraph graph = new NetworkGraph(policies(overlay));
        Peer to = peer(peers, target);
        Set<String> callers = new TreeSet<>();
        for (Peer from : peers) {
            for (Port port : PORTS) {
                if (from != to && graph.allowed(from, to, port)) {
                    callers.add(from.name() + ":" + port);
                }
            }
        }
        return callers;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everythingIsDeniedByDefault(String overlayName) {
        NetworkPolicy denyAll = RenderedOverlay.of(overlayName).get(NetworkPolicy.class, "default-deny-all");
        assertTrue(denyAll.getSpec().getPodSelector().getMatchLabels().isEmpty()
                && denyAll.getSpec().getPodSelector().getMatchExpressions().isEmpty(), "selects every pod");
        assertEquals(List.of("Ingress", "Egress"), denyAll.getSpec().getPolicyTypes());
        assertTrue(denyAll.getSpec().getIngress().isEmpty() && denyAll.getSpec().getEgress().isEmpty(), "allows nothing");
    }

    @Test
    void theEvaluatorSeesAnUnrestrictedPodAsOpen() {
        // Guard against a vacuous pass: without policies everything is allowed.
        List<Peer> peers = List.of(Peer.pod("a", Map.of("app", "a")), Peer.pod("b", Map.of("app", "b")));
        TreeSet<String> open = new NetworkGraph(List.of()).allowedConnections(peers, List.of(new Port(8080, "TCP")));
        assertEquals(new TreeSet<>(List.of("a -> a:8080", "a -> b:8080", "b -> a:8080", "b -> b:8080")), open);
    }

    @Test
    void theEvaluatorHonoursTheExceptionsOfAnAddressRange() {
        // Guard against a vacuous pass of the webhooks test: an except range really takes addresses out.
        NetworkPolicy policy = new NetworkPolicyBuilder()
                .withNewMetadata().withName("out").endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Map.of("app", "a")).endPodSelector()
                .withPolicyTypes("Egress")
                .addNewEgress().addNewTo().withNewIpBlock().withCidr("0.0.0.0/0").withExcept("10.0.0.0/8", "169.254.0.0/16")
                .endIpBlock().endTo().addNewPort().withProtocol("TCP").withNewPort(443).endPort().endEgress()
                .endSpec()
                .build();
        NetworkGraph graph = new NetworkGraph(List.of(policy));
        Peer a = Peer.pod("a", Map.of("app", "a"));
        Port https = new Port(443, "TCP");
        assertTrue(graph.allowed(a, Peer.address("public", "203.0.113.7"), https), "a public address is in the range");
        assertFalse(graph.allowed(a, Peer.address("public", "203.0.113.7"), new Port(80, "TCP")), "on the rule's port only");
        assertFalse(graph.allowed(a, Peer.address("private", "10.1.2.3"), https), "10.0.0.0/8 is excepted");
        assertFalse(graph.allowed(a, Peer.address("metadata", "169.254.169.254"), https), "169.254.0.0/16 is excepted");
        assertTrue(graph.allowed(a, Peer.address("unknown"), https), "an address of unknown IP: the safe reading");
        assertTrue(NetworkGraph.inCidr("172.31.0.1", "172.16.0.0/12") && !NetworkGraph.inCidr("172.32.0.1", "172.16.0.0/12"));
        assertTrue(NetworkGraph.inCidr("100.127.255.255", "100.64.0.0/10") && !NetworkGraph.inCidr("100.128.0.0", "100.64.0.0/10"));
        assertFalse(NetworkGraph.inCidr("::1", "0.0.0.0/0"), "no match across address families");
    }

    private static Peer peer(List<Peer> peers, String name) {
        return peers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no peer " + name + " in " + peers.stream().map(Peer::name).collect(Collectors.toList())));
    }

    /** Our policies, and in prod those Strimzi generates for the Kafka cluster. */
    static List<NetworkPolicy> policies(RenderedOverlay overlay) {
        List<NetworkPolicy> policies = new ArrayList<>(overlay.all(NetworkPolicy.class));
        overlay.all(Kafka.class).forEach(kafka -> policies.addAll(Strimzi.generatedNetworkPolicies(kafka)));
        return policies;
    }

    /** Every pod of the overlay, and the peers outside the namespace that matter. */
    static List<Peer> peers(RenderedOverlay overlay) {
        List<Peer> peers = new ArrayList<>();
        overlay.workloads().forEach(w -> peers.add(Peer.pod(w.name(), w.podMetadata().getLabels())));
        for (CnpgCluster cluster : overlay.all(CnpgCluster.class)) {
            Map<String, String> labels = new HashMap<>(cluster.spec().inheritedMetadata().labels());
            labels.put("cnpg.io/cluster", cluster.metadata().getName());
            peers.add(Peer.pod(cluster.metadata().getName(), labels));
        }
        for (MongoDBCommunity mongo : overlay.all(MongoDBCommunity.class)) {
            Map<String, String> labels = new HashMap<>(mongo.spec().statefulSet().spec().getTemplate().getMetadata().getLabels());
            labels.put("app", mongo.metadata().getName() + "-svc");
            peers.add(Peer.pod(mongo.metadata().getName(), labels));
        }
        // Strimzi's pods: one peer per node pool (named after it: the pool `kafka`), and the entity operator.
        for (Kafka kafka : overlay.all(Kafka.class)) {
            overlay.all(KafkaNodePool.class).stream()
                    .filter(pool -> kafka.metadata().getName().equals(pool.metadata().getLabels().get("strimzi.io/cluster")))
                    .forEach(pool -> peers.add(Peer.pod(pool.metadata().getName(), Strimzi.nodePoolPodLabels(kafka, pool))));
            if (kafka.spec().entityOperator() != null) {
                peers.add(Peer.pod("kafka-entity-operator", Strimzi.entityOperatorPodLabels(kafka)));
            }
        }
        peers.add(Peer.inNamespace("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")));
        peers.add(Peer.inNamespace("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
        peers.add(Peer.inNamespace("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns")));
        peers.add(Peer.inNamespace("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")));
        peers.add(Peer.inNamespace("strimzi-operator", "strimzi", Strimzi.CLUSTER_OPERATOR_LABELS));
        peers.add(Peer.inNamespace("other-namespace", "default", Map.of("app.kubernetes.io/name", "gateway")));
        peers.add(Peer.address(PUBLIC_ADDRESS, "203.0.113.10"));
        PRIVATE_ADDRESSES.forEach((name, ip) -> peers.add(Peer.address(name, ip)));
        return peers;
    }
}
