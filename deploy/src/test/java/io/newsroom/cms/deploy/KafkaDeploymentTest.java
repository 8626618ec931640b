package io.newsroom.cms.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.newsroom.cms.deploy.support.NetworkGraph;
import io.newsroom.cms.deploy.support.NetworkGraph.Peer;
import io.newsroom.cms.deploy.support.NetworkGraph.Port;
import io.newsroom.cms.deploy.support.OperatorResources;
import io.newsroom.cms.deploy.support.OperatorResources.GenericKafkaListener;
import io.newsroom.cms.deploy.support.OperatorResources.Kafka;
import io.newsroom.cms.deploy.support.OperatorResources.KafkaNodePool;
import io.newsroom.cms.deploy.support.OperatorResources.KafkaTopic;
import io.newsroom.cms.deploy.support.OperatorResources.StrimziContainerTemplate;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import io.newsroom.cms.deploy.support.RenderedOverlay.EnvValue;
import io.newsroom.cms.deploy.support.Strimzi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka, the event backbone: prod runs a replicated KRaft cluster through Strimzi with its topics
 * declared as KafkaTopic resources, dev one Kafka pod; in both every application finds the brokers
 * at the same bootstrap address. (Who may connect: {@link NetworkPolicyTest}.)
 */
class KafkaDeploymentTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    /** The bootstrap address every application gets, in both overlays. */
    static final String BOOTSTRAP_SERVICE = "cms-kafka-bootstrap";
    static final int BROKER_PORT = 9092;

    /**
     * The producers, and the variable that tells each whether to create its topics
     * (cms.&lt;service&gt;.events.create-topics): false in prod, where Strimzi's Topic Operator owns them.
     */
    static final Map<String, String> CREATE_TOPICS = Map.of(
            "articles", "CMS_ARTICLES_EVENTS_CREATE_TOPICS",
            "authors", "CMS_AUTHORS_EVENTS_CREATE_TOPICS",
            "curation", "CMS_CURATION_EVENTS_CREATE_TOPICS",
            "media", "CMS_MEDIA_EVENTS_CREATE_TOPICS");

    /** A Kafka channel of an application.properties: mp.messaging.incoming|outgoing.&lt;channel&gt;.&lt;attribute&gt;. */
    private static final Pattern CHANNEL_KEY = Pattern.compile("(?:%[\\w-]+\\.)?mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    /** Seven days, in milliseconds. */
    static final long WORKFLOW_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    /** The topics prod declares, and the settings each must have. */
    static final Map<String, Map<String, Object>> TOPICS = Map.of(
            "cms.articles.published", Map.of("cleanup.policy", "compact"),
            "cms.articles.workflow", Map.of("cleanup.policy", "delete", "retention.ms", WORKFLOW_RETENTION_MS),
            "cms.authors.profiles", Map.of("cleanup.policy", "compact"),
            "cms.curation.lists", Map.of("cleanup.policy", "compact"),
            "cms.media.pictures", Map.of("cleanup.policy", "compact"));

    /**
     * Who reads each topic, and in which consumer group, as the application.properties write it (the README's topics
     * table): `${quarkus.uuid}` makes a group per replica (every replica sees every event), a fixed group has its
     * replicas share the partitions. The picture events are read by every service showing library pictures, each in a
     * group of its own so each sees all of them.
     */
    static final Map<String, Map<String, String>> READERS = Map.of(
            "cms.articles.published", Map.of("gateway", "gateway-${quarkus.uuid}", "curation", "curation-${quarkus.uuid}",
                    "webhooks", "webhooks"),
            "cms.articles.workflow", Map.of("webhooks", "webhooks"),
            "cms.authors.profiles", Map.of("articles", "articles", "webhooks", "webhooks"),
            "cms.curation.lists", Map.of("webhooks", "webhooks"),
            "cms.media.pictures", Map.of("articles", "articles", "authors", "authors", "curation", "curation"));

    // ---- both overlays ----

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyApplicationFindsTheBrokersAtTheBootstrapService(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String application : Project.APPLICATIONS) {
            EnvValue value = environment(rendered, application).get("KAFKA_BOOTSTRAP_SERVERS");
            assertNotNull(value, overlay + ": " + application + " gets KAFKA_BOOTSTRAP_SERVERS");
            assertEquals(BOOTSTRAP_SERVICE + ":" + BROKER_PORT, value.value(), overlay + ": " + application);
        }
        if (overlay.equals("prod")) {
            // Strimzi makes the Service: the cluster's name and its plain listener's port match the address.
            Kafka kafka = single(rendered.all(Kafka.class), "Kafka");
            assertEquals(BOOTSTRAP_SERVICE, Strimzi.bootstrapService(kafka));
            assertTrue(kafka.spec().kafka().listeners().stream().anyMatch(l -> l.port() == BROKER_PORT && !l.tls()),
                    "a plain listener on " + BROKER_PORT);
            assertTrue(rendered.find(Service.class, BOOTSTRAP_SERVICE).isEmpty(), "the bootstrap Service is Strimzi's, not ours");
        } else {
            Service service = rendered.get(Service.class, BOOTSTRAP_SERVICE);
            assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == BROKER_PORT));
            StatefulSet kafka = rendered.get(StatefulSet.class, "kafka");
            assertTrue(NetworkGraph.selects(new LabelSelectorBuilder().withMatchLabels(service.getSpec().getSelector()).build(),
                    kafka.getSpec().getTemplate().getMetadata().getLabels()), "the Service selects the Kafka pod");
        }
    }

    /** Every producer is told whether to create its topics: not in prod (Strimzi owns them), and nobody else is told. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void theProducersAreToldNotToCreateTopicsInProd(String overlay) throws IOException {
        assertEquals(new TreeSet<>(CREATE_TOPICS.keySet()), new TreeSet<>(kafkaClients("outgoing")),
                "the applications that produce to Kafka (each needs its create-topics variable here)");
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String application : Project.APPLICATIONS) {
            Map<String, EnvValue> env = environment(rendered, application);
            for (Map.Entry<String, String> producer : CREATE_TOPICS.entrySet()) {
                EnvValue createTopics = env.get(producer.getValue());
                if (!application.equals(producer.getKey())) {
                    assertNull(createTopics, overlay + ": " + application + " gets " + producer.getValue());
                } else if (overlay.equals("prod")) {
                    assertNotNull(createTopics, "prod: Strimzi owns the topics, so " + application + " must not create them");
                    assertEquals("false", createTopics.value(), "prod: Strimzi owns the topics, so " + application + " must not create them");
                } else {
                    assertTrue(createTopics == null || "true".equals(createTopics.value()),
                            "dev has no Topic Operator: " + application + " creates its topics");
                }
            }
        }
    }

    /**
     * Every application with a Kafka channel (producers such as authors' outbox relay, consumers such as webhooks)
     * gets through the NetworkPolicies to the broker port, and in prod is a peer of the plain listener.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyApplicationUsingKafkaReachesTheBrokers(String overlay) throws IOException {
        List<String> clients = kafkaClients("incoming|outgoing");
        // Exactly the applications the network policies and the listener let in.
        assertEquals(new TreeSet<>(Project.KAFKA_CLIENTS), new TreeSet<>(clients), "Kafka's clients, by their application.properties");
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<Peer> peers = NetworkPolicyTest.peers(rendered);
        NetworkGraph graph = new NetworkGraph(NetworkPolicyTest.policies(rendered));
        Peer kafka = peers.stream().filter(p -> p.name().equals("kafka")).findFirst().orElseThrow();
        for (String application : clients) {
            Peer client = peers.stream().filter(p -> p.name().equals(application)).findFirst().orElseThrow();
            assertTrue(graph.allowed(client, kafka, new Port(BROKER_PORT, "TCP")), overlay + ": " + application + " reaches kafka:" + BROKER_PORT);
        }
        if (overlay.equals("prod")) {
            Set<String> listenerPeers = single(rendered.all(Kafka.class), "Kafka").spec().kafka().listeners().get(0).networkPolicyPeers()
                    .stream().map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).collect(Collectors.toSet());
            assertTrue(listenerPeers.containsAll(clients), "the plain listener's networkPolicyPeers " + listenerPeers + " include " + clients);
        }
    }

    // ---- prod ----

    @Test
    void prodRunsAThreeNodeKraftClusterThroughStrimzi() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        Kafka kafka = single(prod.all(Kafka.class), "Kafka");
        assertEquals("enabled", kafka.metadata().getAnnotations().get("strimzi.io/kraft"), "KRaft, no ZooKeeper");
        assertEquals("enabled", kafka.metadata().getAnnotations().get("strimzi.io/node-pools"));
        assertTrue(kafka.spec().kafka().version() != null && kafka.spec().kafka().version().startsWith("4."),
                "a pinned Kafka 4 version: " + kafka.spec().kafka().version());

        List<KafkaNodePool> pools = prod.all(KafkaNodePool.class);
        assertFalse(pools.isEmpty());
        int controllers = 0;
        int brokers = 0;
        for (KafkaNodePool pool : pools) {
            String name = pool.metadata().getName();
            assertEquals(kafka.metadata().getName(), pool.metadata().getLabels().get(OperatorResources.STRIMZI_CLUSTER_LABEL),
                    name + " belongs to the cluster");
            var spec = pool.spec();
            controllers += spec.roles().contains("controller") ? spec.replicas() : 0;
            brokers += spec.roles().contains("broker") ? spec.replicas() : 0;
            assertEquals("persistent-claim", spec.storage().type(), name + " keeps its data on persistent volumes");
            assertFalse(Boolean.TRUE.equals(spec.storage().deleteClaim()), name + ": volumes outlive the pool");
            assertEquals("kafka", Strimzi.nodePoolPodLabels(kafka, pool).get("cms.newsroom.io/store"),
                    name + ": the label the network policies select");
            assertSpreadOverNodes(name, spec.template().pod().topologySpreadConstraints());
        }
        assertEquals(3, controllers, "three KRaft controllers (a quorum survives one lost node)");
        assertEquals(3, brokers, "three brokers");
    }

    @Test
    void prodReplicatesEveryWriteToTwoOfThreeBrokers() {
        Kafka kafka = single(RenderedOverlay.of("prod").all(Kafka.class), "Kafka");
        Map<String, Object> config = kafka.spec().kafka().config();
        assertEquals(3, config.get("default.replication.factor"));
        assertEquals(2, config.get("min.insync.replicas"), "acks=all waits for two replicas: one broker may be down");
        assertEquals(3, config.get("offsets.topic.replication.factor"), "consumer offsets survive a lost broker");
        assertEquals(3, config.get("transaction.state.log.replication.factor"));
        assertEquals(2, config.get("transaction.state.log.min.isr"));
        assertEquals(false, config.get("auto.create.topics.enable"), "topics exist only as KafkaTopic resources");
    }

    @Test
    void prodKafkaIsReachableInsideTheClusterOnlyFromTheApplications() {
        Kafka kafka = single(RenderedOverlay.of("prod").all(Kafka.class), "Kafka");
        List<GenericKafkaListener> listeners = kafka.spec().kafka().listeners();
        assertEquals(1, listeners.size(), "one listener");
        GenericKafkaListener plain = listeners.get(0);
        assertEquals(List.of("plain", BROKER_PORT, "internal", false), List.of(plain.name(), plain.port(), plain.type(), plain.tls()),
                "the plain in-cluster listener; no external one (route, loadbalancer, nodeport, ingress)");
        // Strimzi's generated policy opens a listener to all pods unless its peers are set: the applications using Kafka.
        assertNotNull(plain.networkPolicyPeers(), "networkPolicyPeers");
        Set<String> peers = new TreeSet<>();
        plain.networkPolicyPeers().forEach(peer -> {
            assertNull(peer.getNamespaceSelector(), "peers of our namespace only");
            assertNull(peer.getIpBlock(), "no address ranges");
            assertEquals(1, peer.getPodSelector().getMatchLabels().size());
            peers.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
        });
        assertEquals(new TreeSet<>(Project.KAFKA_CLIENTS), peers);
    }

    @Test
    void prodStrimziContainersMeetTheRestrictedPodSecurityStandard() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        Kafka kafka = single(prod.all(Kafka.class), "Kafka");
        var entityOperator = kafka.spec().entityOperator();
        assertNotNull(entityOperator.topicOperator(), "the Topic Operator reconciles the KafkaTopic resources");
        assertRestricted("topic operator", entityOperator.template().topicOperatorContainer());
        assertRequestsAndLimits("topic operator", entityOperator.topicOperator().resources());
        for (KafkaNodePool pool : prod.all(KafkaNodePool.class)) {
            assertRestricted("node pool " + pool.metadata().getName(), pool.spec().template().kafkaContainer());
            assertRequestsAndLimits("node pool " + pool.metadata().getName(), pool.spec().resources());
        }
    }

    @Test
    void prodDeclaresEveryTopicWithItsSettings() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        Kafka kafka = single(prod.all(Kafka.class), "Kafka");
        int brokers = prod.all(KafkaNodePool.class).stream().filter(p -> p.spec().roles().contains("broker"))
                .mapToInt(p -> p.spec().replicas()).sum();
        Object minInSync = kafka.spec().kafka().config().get("min.insync.replicas");
        Map<String, KafkaTopic> topics = prod.all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(KafkaTopic::topicName, Function.identity(), (a, b) -> a, TreeMap::new));
        assertEquals(new TreeSet<>(TOPICS.keySet()), topics.keySet(), "the topics");
        TOPICS.forEach((name, settings) -> {
            KafkaTopic topic = topics.get(name);
            assertEquals(kafka.metadata().getName(), topic.metadata().getLabels().get(OperatorResources.STRIMZI_CLUSTER_LABEL),
                    name + ": the Topic Operator of cluster " + kafka.metadata().getName() + " owns it");
            assertEquals(3, topic.spec().partitions(), name + " partitions");
            assertEquals(3, topic.spec().replicas(), name + " replicas");
            assertTrue(topic.spec().replicas() <= brokers, name + ": no more replicas than brokers");
            assertTrue(minInSync instanceof Integer m && topic.spec().replicas() > m,
                    name + ": more replicas than min.insync.replicas, so a broker can be down");
            settings.forEach((key, value) -> assertEquals(value.toString(), String.valueOf(topic.spec().config().get(key)),
                    name + " " + key));
            assertEquals(settings.keySet(), topic.spec().config().keySet(), name + ": no other settings");
        });
    }

    /** A topic an application's configuration names must exist before it produces or consumes. */
    @Test
    void prodDeclaresEveryTopicTheApplicationsName() throws IOException {
        Set<String> declared = RenderedOverlay.of("prod").all(KafkaTopic.class).stream().map(KafkaTopic::topicName)
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        for (String application : Project.APPLICATIONS) {
            Properties properties = ServiceConfigurationTest.properties(application);
            for (String key : properties.stringPropertyNames()) {
                Matcher channel = CHANNEL_KEY.matcher(key);
                // `topic`, or `topics`: a comma-separated list (webhooks reads four), with ${...} references resolved
                if (channel.matches() && channel.group(3).matches("topics?")) {
                    for (String topic : resolve(properties, properties.getProperty(key)).split(",")) {
                        named.add(topic.strip());
                        if (!declared.contains(topic.strip())) {
                            missing.add(application + ": " + key + " names " + topic.strip());
                        }
                    }
                }
            }
        }
        assertTrue(named.containsAll(TOPICS.keySet()), "the topics found in the applications' configuration: " + named);
        assertEquals(List.of(), missing, "topics named by the applications but not declared in overlays/prod/kafka-topics.yaml");
    }

    /** The incoming Kafka channels of the applications (outside the test profile): the topics each reads, in which group. */
    @Test
    void theReadersOfEveryTopicAndTheirConsumerGroupsAreTheIntendedOnes() throws IOException {
        Map<String, Map<String, String>> readers = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String application : Project.APPLICATIONS) {
            Properties properties = ServiceConfigurationTest.properties(application);
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                Matcher channel = CHANNEL_KEY.matcher(key);
                if (key.startsWith("%") || !channel.matches() || !channel.group(1).equals("incoming") || !channel.group(3).equals("connector")
                        || !"smallrye-kafka".equals(properties.getProperty(key))) {
                    continue;
                }
                String prefix = "mp.messaging.incoming." + channel.group(2) + ".";
                String topics = properties.getProperty(prefix + "topics", properties.getProperty(prefix + "topic", channel.group(2)));
                String group = properties.getProperty(prefix + "group.id", "(none: the application name)");
                for (String topic : resolve(properties, topics).split(",")) {
                    String previous = readers.computeIfAbsent(topic.strip(), t -> new TreeMap<>()).put(application, group);
                    if (previous != null) {
                        problems.add(application + " reads " + topic.strip() + " in two channels");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(READERS, readers, "topic -> application -> consumer group");
    }

    /** The topics table of the README names, for every topic, exactly the applications reading it. */
    @Test
    void theReadmeNamesTheReadersOfEveryTopic() throws IOException {
        List<String> rows = Files.readAllLines(Project.deployDir().resolve("README.md")).stream()
                .filter(line -> line.startsWith("| `cms.")).toList();
        Map<String, Set<String>> named = new TreeMap<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String topic = cells[1].strip().replace("`", "");
            Set<String> applications = new TreeSet<>();
            for (String application : Project.APPLICATIONS) {
                if (Pattern.compile("\\b" + application + "\\b").matcher(cells[3]).find()) {
                    applications.add(application);
                }
            }
            named.put(topic, applications);
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        READERS.forEach((topic, readers) -> expected.put(topic, new TreeSet<>(readers.keySet())));
        assertEquals(expected, named, "README.md: the topics table's \"read by\" column");
    }

    // ---- dev ----

    @Test
    void devRunsOneKraftKafkaNodeOnAPersistentVolume() {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        assertTrue(dev.all(Kafka.class).isEmpty() && dev.all(KafkaNodePool.class).isEmpty() && dev.all(KafkaTopic.class).isEmpty(),
                "dev needs no operator");
        StatefulSet kafka = dev.get(StatefulSet.class, "kafka");
        assertEquals(1, kafka.getSpec().getReplicas(), "one Kafka pod");
        assertEquals("kafka", kafka.getSpec().getTemplate().getMetadata().getLabels().get("cms.newsroom.io/store"),
                "the label the network policies select");
        Container container = kafka.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(container.getImage().startsWith("apache/kafka:"), container.getImage());
        Map<String, EnvValue> env = dev.environment(container);
        Function<String, String> value = name -> {
            EnvValue v = env.get(name);
            assertNotNull(v, "dev Kafka sets " + name);
            return v.value();
        };
        assertEquals("broker,controller", value.apply("KAFKA_PROCESS_ROLES"), "KRaft, one combined node");
        assertEquals(value.apply("KAFKA_NODE_ID") + "@localhost:9093", value.apply("KAFKA_CONTROLLER_QUORUM_VOTERS"),
                "the node is the only voter, on its own controller listener");
        assertTrue(value.apply("KAFKA_LISTENERS").contains("CONTROLLER://localhost:9093"), "the controller listens on the loopback only");
        assertTrue(value.apply("KAFKA_LISTENERS").contains("PLAINTEXT://:" + BROKER_PORT));
        assertEquals("PLAINTEXT://" + BOOTSTRAP_SERVICE + ":" + BROKER_PORT, value.apply("KAFKA_ADVERTISED_LISTENERS"),
                "clients are sent back to the Service they bootstrapped from");
        for (String replication : List.of("KAFKA_DEFAULT_REPLICATION_FACTOR", "KAFKA_MIN_INSYNC_REPLICAS",
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", value.apply(replication), "one node: " + replication);
        }
        assertEquals("false", value.apply("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "only the services create topics, with their settings");
        assertFalse(value.apply("CLUSTER_ID").isBlank());

        // The log directories live on the persistent volume, in a sub-directory (not next to lost+found).
        String logDirs = value.apply("KAFKA_LOG_DIRS");
        PersistentVolumeClaim claim = kafka.getSpec().getVolumeClaimTemplates().stream()
                .filter(c -> c.getMetadata().getName().equals("data")).findFirst().orElseThrow();
        VolumeMount data = container.getVolumeMounts().stream().filter(m -> m.getName().equals(claim.getMetadata().getName()))
                .findFirst().orElseThrow();
        assertTrue(logDirs.startsWith(data.getMountPath() + "/"), logDirs + " is below " + data.getMountPath());

        for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            assertNotNull(probe.getTcpSocket(), "probed on the broker port");
            assertEquals("kafka", probe.getTcpSocket().getPort().getStrVal());
        }
        assertTrue(container.getPorts().stream().anyMatch(p -> p.getName().equals("kafka") && p.getContainerPort() == BROKER_PORT));
    }

    private static void assertSpreadOverNodes(String pool, List<TopologySpreadConstraint> constraints) {
        assertNotNull(constraints, pool + " has topology spread constraints");
        TopologySpreadConstraint byNode = constraints.stream().filter(c -> "kubernetes.io/hostname".equals(c.getTopologyKey()))
                .findFirst().orElseThrow(() -> new AssertionError(pool + " is not spread over nodes"));
        assertEquals("DoNotSchedule", byNode.getWhenUnsatisfiable(), pool + ": two Kafka nodes never share a Kubernetes node");
        assertEquals(Map.of("cms.newsroom.io/store", "kafka"), byNode.getLabelSelector().getMatchLabels());
        assertTrue(constraints.stream().anyMatch(c -> "topology.kubernetes.io/zone".equals(c.getTopologyKey())), pool + " spread over zones");
    }

    private static void assertRestricted(String what, StrimziContainerTemplate template) {
        assertNotNull(template, what + " has a container template");
        SecurityContext context = template.securityContext();
        assertNotNull(context, what + " sets its security context");
        assertEquals(false, context.getAllowPrivilegeEscalation(), what);
        assertEquals(true, context.getRunAsNonRoot(), what);
        assertEquals("RuntimeDefault", context.getSeccompProfile().getType(), what);
        assertEquals(List.of("ALL"), context.getCapabilities().getDrop(), what);
        assertTrue(context.getCapabilities().getAdd().isEmpty(), what);
        assertNull(context.getPrivileged(), what);
    }

    private static void assertRequestsAndLimits(String what, io.fabric8.kubernetes.api.model.ResourceRequirements resources) {
        assertNotNull(resources, what + " resources");
        assertTrue(resources.getRequests().keySet().containsAll(List.of("cpu", "memory"))
                && resources.getLimits().keySet().containsAll(List.of("cpu", "memory")), what + " needs cpu and memory requests and limits");
    }

    /** The applications with a Kafka channel of that direction (smallrye-kafka connector) in their application.properties. */
    private static List<String> kafkaClients(String direction) throws IOException {
        List<String> clients = new ArrayList<>();
        for (String application : Project.APPLICATIONS) {
            Properties properties = ServiceConfigurationTest.properties(application);
            boolean uses = properties.stringPropertyNames().stream().anyMatch(key -> {
                Matcher channel = CHANNEL_KEY.matcher(key);
                return channel.matches() && channel.group(1).matches(direction) && channel.group(3).equals("connector")
                        && "smallrye-kafka".equals(properties.getProperty(key));
            });
            if (uses) {
                clients.add(application);
            }
        }
        return clients;
    }

    /** A property value with its ${key} references replaced by those keys' values (no defaults, no nesting needed). */
    private static String resolve(Properties properties, String value) {
        Matcher reference = Pattern.compile("\\$\\{([^}:]+)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String target = properties.getProperty(reference.group(1));
            assertNotNull(target, "unresolved reference " + reference.group() + " in " + value);
            reference.appendReplacement(resolved, Matcher.quoteReplacement(resolve(properties, target)));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    private static Map<String, EnvValue> environment(RenderedOverlay rendered, String deployment) {
        Container container = rendered.get(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
        return rendered.environment(container);
    }

    private static <T> T single(List<T> items, String what) {
        assertEquals(1, items.size(), "one " + what);
        return items.get(0);
    }
}
