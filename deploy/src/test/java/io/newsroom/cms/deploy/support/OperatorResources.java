package io.newsroom.cms.deploy.support;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed models of the operator custom resources the prod overlay uses, for the strict parser.
 * fabric8 has no model for them, so these follow the operators' published API (CloudNativePG
 * {@code postgresql.cnpg.io/v1 Cluster}, MongoDB Controllers for Kubernetes
 * {@code mongodbcommunity.mongodb.com/v1 MongoDBCommunity}, Strimzi
 * {@code kafka.strimzi.io/v1beta2 Kafka, KafkaNodePool, KafkaTopic}) for the fields we set: an
 * unknown field fails the parse. Using a new field of those APIs means adding it here, from their docs.
 */
public final class OperatorResources {

    private OperatorResources() {
    }

    /** apiVersion/kind to model class. */
    public static final Map<String, Class<?>> MODELS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", CnpgCluster.class,
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", MongoDBCommunity.class,
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class);

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void oneOf(String value, Set<String> allowed, String field) {
        require(value == null || allowed.contains(value), field + " must be one of " + allowed + ", not " + value);
    }

    // ---- CloudNativePG ----

    public record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, CnpgClusterSpec spec) {
        public CnpgCluster {
            require(spec != null, "spec is required");
        }
    }

    public record CnpgClusterSpec(
            Integer instances,
            String imageName,
            String primaryUpdateStrategy,
            String primaryUpdateMethod,
            CnpgInheritedMetadata inheritedMetadata,
            CnpgBootstrap bootstrap,
            Boolean enableSuperuserAccess,
            CnpgPostgresConfiguration postgresql,
            CnpgStorage storage,
            CnpgStorage walStorage,
            ResourceRequirements resources,
            CnpgAffinity affinity,
            List<TopologySpreadConstraint> topologySpreadConstraints) {
        public CnpgClusterSpec {
            require(instances != null && instances >= 1, "spec.instances must be at least 1");
            require(storage != null && storage.size() != null, "spec.storage.size is required");
            oneOf(primaryUpdateStrategy, Set.of("unsupervised", "supervised"), "spec.primaryUpdateStrategy");
            oneOf(primaryUpdateMethod, Set.of("switchover", "restart"), "spec.primaryUpdateMethod");
        }
    }

    public record CnpgInheritedMetadata(Map<String, String> labels, Map<String, String> annotations) {
    }

    public record CnpgBootstrap(CnpgInitDb initdb) {
    }

    public record CnpgInitDb(String database, String owner, CnpgLocalObjectReference secret) {
        public CnpgInitDb {
            require(database != null && owner != null, "bootstrap.initdb needs database and owner");
        }
    }

    public record CnpgLocalObjectReference(String name) {
        public CnpgLocalObjectReference {
            Objects.requireNonNull(name, "name");
        }
    }

    public record CnpgPostgresConfiguration(CnpgSynchronousReplication synchronous, Map<String, String> parameters) {
    }

    public record CnpgSynchronousReplication(String method, Integer number, String dataDurability) {
        public CnpgSynchronousReplication {
            require(method != null && number != null, "postgresql.synchronous needs method and number");
            oneOf(method, Set.of("any", "first"), "postgresql.synchronous.method");
            oneOf(dataDurability, Set.of("required", "preferred"), "postgresql.synchronous.dataDurability");
        }
    }

    public record CnpgStorage(String size, String storageClass) {
    }

    public record CnpgAffinity(
            Boolean enablePodAntiAffinity,
            String podAntiAffinityType,
            String topologyKey,
            Map<String, String> nodeSelector) {
        public CnpgAffinity {
            oneOf(podAntiAffinityType, Set.of("preferred", "required"), "affinity.podAntiAffinityType");
        }
    }

    // ---- MongoDB Controllers for Kubernetes (community resource) ----

    public record MongoDBCommunity(String apiVersion, String kind, ObjectMeta metadata, MongoDBCommunitySpec spec) {
        public MongoDBCommunity {
            require(spec != null, "spec is required");
        }
    }

    public record MongoDBCommunitySpec(
            String type,
            Integer members,
            String version,
            MongoSecurity security,
            List<MongoUser> users,
            MongoStatefulSetConfiguration statefulSet,
            Map<String, Object> additionalMongodConfig) {
        public MongoDBCommunitySpec {
            require("ReplicaSet".equals(type), "spec.type must be ReplicaSet");
            require(members != null && members >= 1, "spec.members must be at least 1");
            require(version != null, "spec.version is required");
            require(security != null, "spec.security is required");
            require(users != null, "spec.users is required");
        }
    }

    public record MongoSecurity(MongoAuthentication authentication) {
    }

    public record MongoAuthentication(List<String> modes, Boolean ignoreUnknownUsers) {
        public MongoAuthentication {
            require(modes != null && !modes.isEmpty(), "security.authentication.modes is required");
            modes.forEach(mode -> oneOf(mode, Set.of("SCRAM", "SCRAM-SHA-256", "SCRAM-SHA-1", "X509"), "authentication mode"));
        }
    }

    public record MongoUser(
            String name,
            String db,
            MongoSecretKeyReference passwordSecretRef,
            List<MongoRole> roles,
            String scramCredentialsSecretName,
            String connectionStringSecretName) {
        public MongoUser {
            require(name != null && roles != null, "a user needs name and roles");
            require(scramCredentialsSecretName == null
                            || scramCredentialsSecretName.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"),
                    "scramCredentialsSecretName must be a DNS subdomain");
        }
    }

    public record MongoSecretKeyReference(String name, String key) {
        public MongoSecretKeyReference {
            Objects.requireNonNull(name, "name");
        }
    }

    public record MongoRole(String name, String db) {
        public MongoRole {
            require(name != null && db != null, "a role needs name and db");
        }
    }

    /** Merged by the operator into the StatefulSet it creates: a (partial) Kubernetes StatefulSetSpec. */
    public record MongoStatefulSetConfiguration(ObjectMeta metadata, StatefulSetSpec spec) {
    }

    // ---- Strimzi (kafka.strimzi.io/v1beta2; served by Strimzi 0.49 to 0.51, removed in 1.0) ----

    /** The label that ties a KafkaNodePool or KafkaTopic to its Kafka cluster. */
    public static final String STRIMZI_CLUSTER_LABEL = "strimzi.io/cluster";

    /** Broker options Strimzi manages itself and ignores in spec.kafka.config (KafkaClusterSpec.FORBIDDEN_PREFIXES). */
    static final List<String> KAFKA_CONFIG_FORBIDDEN_PREFIXES = List.of("listeners", "advertised.", "broker.", "listener.",
            "host.name", "port", "inter.broker.listener.name", "sasl.", "ssl.", "security.", "password.", "log.dir",
            "zookeeper.connect", "zookeeper.set.acl", "zookeeper.ssl", "zookeeper.clientCnxnSocket", "authorizer.", "super.user",
            "cruise.control.metrics.topic", "cruise.control.metrics.reporter.bootstrap.servers", "node.id", "process.roles",
            "controller.", "metadata.log.dir", "zookeeper.metadata.migration.enable", "client.quota.callback.static.",
            "prometheus.metrics.reporter.");

    /** The exceptions to those prefixes (KafkaClusterSpec.FORBIDDEN_PREFIX_EXCEPTIONS). */
    static final Set<String> KAFKA_CONFIG_FORBIDDEN_EXCEPTIONS = Set.of("zookeeper.connection.timeout.ms",
            "sasl.server.max.receive.size", "ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols",
            "ssl.secure.random.implementation", "cruise.control.metrics.topic.num.partitions",
            "cruise.control.metrics.topic.replication.factor", "cruise.control.metrics.topic.retention.ms",
            "cruise.control.metrics.topic.auto.create.retries", "cruise.control.metrics.topic.auto.create.timeout.ms",
            "cruise.control.metrics.topic.min.insync.replicas", "broker.session.timeout.ms", "broker.heartbeat.interval.ms",
            "controller.socket.timeout.ms", "controller.quorum.election.backoff.max.ms", "controller.quorum.election.timeout.ms",
            "controller.quorum.fetch.timeout.ms");

    /** Strimzi refuses strimzi.io/* labels on its resources, but for strimzi.io/cluster. */
    static void strimziLabels(ObjectMeta metadata, boolean clusterRequired) {
        Map<String, String> labels = metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
        labels.keySet().forEach(key -> require(!key.startsWith("strimzi.io/") || key.equals(STRIMZI_CLUSTER_LABEL),
                "label " + key + ": Strimzi refuses strimzi.io/ labels other than " + STRIMZI_CLUSTER_LABEL));
        require(!clusterRequired || labels.get(STRIMZI_CLUSTER_LABEL) != null,
                "metadata.labels." + STRIMZI_CLUSTER_LABEL + " is required (the Kafka cluster this belongs to)");
    }

    /** Kafka and topic configuration values are strings, numbers or booleans. */
    static void scalarConfig(Map<String, Object> config, String field) {
        if (config != null) {
            config.forEach((key, value) -> require(value instanceof String || value instanceof Number || value instanceof Boolean,
                    field + "." + key + " must be a string, a number or a boolean"));
        }
    }

    public record Kafka(String apiVersion, String kind, ObjectMeta metadata, KafkaSpec spec) {
        public Kafka {
            require(spec != null, "spec is required");
            strimziLabels(metadata, false);
        }
    }

    public record KafkaSpec(KafkaClusterSpec kafka, EntityOperatorSpec entityOperator) {
        public KafkaSpec {
            require(kafka != null, "spec.kafka is required");
        }
    }

    public record KafkaClusterSpec(String version, List<GenericKafkaListener> listeners, Map<String, Object> config) {
        public KafkaClusterSpec {
            require(listeners != null && !listeners.isEmpty(), "spec.kafka.listeners is required");
            require(listeners.stream().map(GenericKafkaListener::name).distinct().count() == listeners.size(),
                    "spec.kafka.listeners: names must be unique");
            require(listeners.stream().map(GenericKafkaListener::port).distinct().count() == listeners.size(),
                    "spec.kafka.listeners: ports must be unique");
            scalarConfig(config, "spec.kafka.config");
            if (config != null) {
                config.keySet().forEach(key -> require(KAFKA_CONFIG_FORBIDDEN_EXCEPTIONS.contains(key)
                                || KAFKA_CONFIG_FORBIDDEN_PREFIXES.stream().noneMatch(key::startsWith),
                        "spec.kafka.config." + key + " is managed by Strimzi and would be ignored"));
            }
        }
    }

    /** A listener (GenericKafkaListener); authentication and configuration are not used. */
    public record GenericKafkaListener(String name, Integer port, String type, Boolean tls, List<NetworkPolicyPeer> networkPolicyPeers) {
        public GenericKafkaListener {
            require(name != null && name.matches("[a-z0-9]{1,11}"), "a listener name is 1 to 11 lower-case letters or digits");
            require(port != null && port >= 9092, "a listener port is 9092 or higher (9090 and 9091 are Strimzi's own)");
            require(type != null && tls != null, "a listener needs type and tls");
            oneOf(type, Set.of("internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"), "listener type");
        }
    }

    public record EntityOperatorSpec(EntityTopicOperatorSpec topicOperator, EntityOperatorTemplate template) {
    }

    public record EntityTopicOperatorSpec(ResourceRequirements resources) {
    }

    public record EntityOperatorTemplate(StrimziContainerTemplate topicOperatorContainer) {
    }

    /** Strimzi's ContainerTemplate: replaces the security context the operator's pod security provider would set. */
    public record StrimziContainerTemplate(SecurityContext securityContext) {
    }

    public record KafkaNodePool(String apiVersion, String kind, ObjectMeta metadata, KafkaNodePoolSpec spec) {
        public KafkaNodePool {
            require(spec != null, "spec is required");
            strimziLabels(metadata, true);
        }
    }

    public record KafkaNodePoolSpec(
            Integer replicas,
            List<String> roles,
            KafkaStorage storage,
            ResourceRequirements resources,
            KafkaNodePoolTemplate template) {
        public KafkaNodePoolSpec {
            require(replicas != null && replicas >= 0, "spec.replicas is required (0 or more)");
            require(roles != null && !roles.isEmpty(), "spec.roles is required");
            roles.forEach(role -> oneOf(role, Set.of("controller", "broker"), "spec.roles"));
            require(storage != null, "spec.storage is required");
        }
    }

    /** Storage of type persistent-claim or ephemeral (jbod volumes are not modelled). */
    public record KafkaStorage(String type, String size, Boolean deleteClaim) {
        public KafkaStorage {
            require(type != null, "storage.type is required");
            oneOf(type, Set.of("persistent-claim", "ephemeral"), "storage.type");
            require(!"persistent-claim".equals(type) || size != null, "storage.size is required for persistent-claim");
        }
    }

    public record KafkaNodePoolTemplate(StrimziPodTemplate pod, StrimziContainerTemplate kafkaContainer) {
    }

    public record StrimziPodTemplate(StrimziMetadataTemplate metadata, List<TopologySpreadConstraint> topologySpreadConstraints) {
    }

    /** Labels and annotations Strimzi adds to the pods it creates. */
    public record StrimziMetadataTemplate(Map<String, String> labels, Map<String, String> annotations) {
        public StrimziMetadataTemplate {
            if (labels != null) {
                labels.keySet().forEach(key -> require(!key.startsWith("strimzi.io/"),
                        "template labels must not use strimzi.io/ (" + key + ")"));
            }
        }
    }

    public record KafkaTopic(String apiVersion, String kind, ObjectMeta metadata, KafkaTopicSpec spec) {
        public KafkaTopic {
            require(spec != null, "spec is required");
            strimziLabels(metadata, true);
        }

        /** The topic's name in Kafka: metadata.name (spec.topicName is not used). */
        public String topicName() {
            return metadata.getName();
        }
    }

    public record KafkaTopicSpec(Integer partitions, Integer replicas, Map<String, Object> config) {
        public KafkaTopicSpec {
            require(partitions == null || partitions >= 1, "spec.partitions must be at least 1");
            require(replicas == null || (replicas >= 1 && replicas <= 32767), "spec.replicas must be 1 to 32767");
            scalarConfig(config, "spec.config");
        }
    }
}
