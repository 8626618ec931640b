package io.newsroom.cms.deploy.support;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed models of the operator custom resources the prod overlay uses, for the strict parser.
 * fabric8 has no model for them, so these follow the operators' published API (CloudNativePG
 * {@code postgresql.cnpg.io/v1 Cluster}, MongoDB Controllers for Kubernetes
 * {@code mongodbcommunity.mongodb.com/v1 MongoDBCommunity}) for the fields we set: an unknown
 * field fails the parse. Using a new field of those APIs means adding it here, from their docs.
 */
public final class OperatorResources {

    private OperatorResources() {
    }

    /** apiVersion/kind to model class. */
    public static final Map<String, Class<?>> MODELS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", CnpgCluster.class,
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", MongoDBCommunity.class);

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
}
