package io.newsroom.cms.deploy.support;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.newsroom.cms.deploy.support.OperatorResources.GenericKafkaListener;
import io.newsroom.cms.deploy.support.OperatorResources.Kafka;
import io.newsroom.cms.deploy.support.OperatorResources.KafkaNodePool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the Strimzi cluster operator (0.49 to 0.51) makes from our Kafka resources, as far as the
 * tests need it: the names of its Services, the labels of the pods it creates, and the
 * NetworkPolicies it generates unless it runs with {@code STRIMZI_NETWORK_POLICY_GENERATION=false}
 * (modelled on Strimzi's {@code KafkaCluster}, {@code KafkaPool}, {@code EntityOperator},
 * {@code Labels} and {@code NetworkPolicyUtils}). Those policies add to ours, so the network
 * policy test evaluates both.
 */
public final class Strimzi {

    /** Ports of every Kafka node: the KRaft controllers, the replication listener, the node's agent. */
    public static final int CONTROL_PLANE_PORT = 9090;
    public static final int REPLICATION_PORT = 9091;
    public static final int KAFKA_AGENT_PORT = 8443;

    /** The health port of the Topic Operator in the entity operator's pod. */
    public static final int TOPIC_OPERATOR_HEALTH_PORT = 8080;

    /** Labels of the cluster operator's pod, in both Strimzi's install files and its Helm chart. */
    public static final Map<String, String> CLUSTER_OPERATOR_LABELS = Map.of(
            "strimzi.io/kind", "cluster-operator", "name", "strimzi-cluster-operator");

    /** Resource labels Strimzi does not copy to what it creates (STRIMZI_LABELS_EXCLUSION_PATTERN's default). */
    private static final Pattern LABELS_EXCLUDED = Pattern.compile("^app\\.kubernetes\\.io/(?!part-of).*|^kustomize\\.toolkit\\.fluxcd\\.io.*");

    private Strimzi() {
    }

    /** The Service clients bootstrap from: {@code <cluster>-kafka-bootstrap}, with a port per listener. */
    public static String bootstrapService(Kafka kafka) {
        return kafka.metadata().getName() + "-kafka-bootstrap";
    }

    public static String entityOperatorName(Kafka kafka) {
        return kafka.metadata().getName() + "-entity-operator";
    }

    /** The labels of the pods of a node pool (KafkaPool), its pod template's labels included. */
    public static Map<String, String> nodePoolPodLabels(Kafka kafka, KafkaNodePool pool) {
        String cluster = kafka.metadata().getName();
        Map<String, String> labels = new HashMap<>(copied(pool.metadata().getLabels()));
        labels.putAll(defaults(kafka, cluster + "-kafka", "kafka"));
        labels.put("strimzi.io/pool-name", pool.metadata().getName());
        labels.put("strimzi.io/broker-role", Boolean.toString(pool.spec().roles().contains("broker")));
        labels.put("strimzi.io/controller-role", Boolean.toString(pool.spec().roles().contains("controller")));
        var template = pool.spec().template();
        if (template != null && template.pod() != null && template.pod().metadata() != null
                && template.pod().metadata().labels() != null) {
            labels.putAll(template.pod().metadata().labels());
        }
        return labels;
    }

    /** The labels of the entity operator's pod (no pod template labels are set on it). */
    public static Map<String, String> entityOperatorPodLabels(Kafka kafka) {
        Map<String, String> labels = new HashMap<>(copied(kafka.metadata().getLabels()));
        labels.putAll(defaults(kafka, entityOperatorName(kafka), "entity-operator"));
        return labels;
    }

    /** The ingress policies Strimzi generates for the Kafka nodes and the entity operator. */
    public static List<NetworkPolicy> generatedNetworkPolicies(Kafka kafka) {
        String cluster = kafka.metadata().getName();
        // The cluster operator runs in another namespace: without STRIMZI_OPERATOR_NAMESPACE_LABELS,
        // Strimzi admits it from any namespace (an empty namespace selector).
        NetworkPolicyPeer clusterOperator = new NetworkPolicyPeerBuilder()
                .withNewPodSelector().withMatchLabels(Map.of("strimzi.io/kind", "cluster-operator")).endPodSelector()
                .withNamespaceSelector(new LabelSelector())
                .build();
        Map<String, String> kafkaSelector = Map.of("strimzi.io/cluster", cluster, "strimzi.io/name", cluster + "-kafka",
                "strimzi.io/kind", "Kafka");
        NetworkPolicyPeer kafkaNodes = podPeer(kafkaSelector);
        NetworkPolicyPeer entityOperator = podPeer(Map.of("strimzi.io/name", entityOperatorName(kafka)));
        NetworkPolicyPeer kafkaExporter = podPeer(Map.of("strimzi.io/name", cluster + "-kafka-exporter"));
        NetworkPolicyPeer cruiseControl = podPeer(Map.of("strimzi.io/name", cluster + "-cruise-control"));

        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        rules.add(rule(CONTROL_PLANE_PORT, List.of(kafkaNodes, clusterOperator)));
        rules.add(rule(REPLICATION_PORT, List.of(clusterOperator, kafkaNodes, entityOperator, kafkaExporter, cruiseControl)));
        rules.add(rule(KAFKA_AGENT_PORT, List.of(clusterOperator)));
        // A listener without networkPolicyPeers is open to every pod and address.
        for (GenericKafkaListener listener : kafka.spec().kafka().listeners()) {
            rules.add(rule(listener.port(), listener.networkPolicyPeers() == null ? List.of() : listener.networkPolicyPeers()));
        }
        List<NetworkPolicy> policies = new ArrayList<>();
        policies.add(policy(cluster + "-network-policy-kafka", kafkaSelector, rules));
        if (kafka.spec().entityOperator() != null && kafka.spec().entityOperator().topicOperator() != null) {
            // The Topic Operator's health port, open to all.
            policies.add(policy(entityOperatorName(kafka), Map.of("strimzi.io/cluster", cluster,
                            "strimzi.io/name", entityOperatorName(kafka), "strimzi.io/kind", "Kafka"),
                    List.of(rule(TOPIC_OPERATOR_HEALTH_PORT, List.of()))));
        }
        return policies;
    }

    private static Map<String, String> defaults(Kafka kafka, String strimziName, String componentType) {
        String cluster = kafka.metadata().getName();
        return Map.of(
                "strimzi.io/kind", "Kafka",
                "strimzi.io/name", strimziName,
                "strimzi.io/cluster", cluster,
                "strimzi.io/component-type", componentType,
                "app.kubernetes.io/name", componentType,
                "app.kubernetes.io/instance", cluster,
                "app.kubernetes.io/part-of", "strimzi-" + cluster,
                "app.kubernetes.io/managed-by", "strimzi-cluster-operator");
    }

    private static Map<String, String> copied(Map<String, String> resourceLabels) {
        Map<String, String> copied = new HashMap<>();
        if (resourceLabels != null) {
            resourceLabels.forEach((key, value) -> {
                if (!LABELS_EXCLUDED.matcher(key).matches()) {
                    copied.put(key, value);
                }
            });
        }
        return copied;
    }

    private static NetworkPolicyPeer podPeer(Map<String, String> labels) {
        return new NetworkPolicyPeerBuilder().withNewPodSelector().withMatchLabels(labels).endPodSelector().build();
    }

    private static NetworkPolicyIngressRule rule(int port, List<NetworkPolicyPeer> from) {
        return new NetworkPolicyIngressRuleBuilder()
                .addNewPort().withPort(new IntOrString(port)).withProtocol("TCP").endPort()
                .withFrom(from)
                .build();
    }

    private static NetworkPolicy policy(String name, Map<String, String> podSelector, List<NetworkPolicyIngressRule> rules) {
        // No policyTypes: Kubernetes takes a policy without egress rules as an ingress policy.
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(name).withNamespace(Project.NAMESPACE).endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(podSelector).endPodSelector()
                .withIngress(rules)
                .endSpec()
                .build();
    }
}
