package io.newsroom.cms.deploy.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** An overlay rendered by kustomize and parsed strictly; the parse must have found no problem. */
public final class RenderedOverlay {

    public static final List<String> NAMES = List.of("dev", "prod");

    private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final List<Manifest> manifests;

    private RenderedOverlay(String name, List<Manifest> manifests) {
        this.name = name;
        this.manifests = manifests;
    }

    /** Renders and parses the overlay once per test run; fails on any parse problem. */
    public static RenderedOverlay of(String name) {
        return CACHE.computeIfAbsent(name, RenderedOverlay::load);
    }

    /** The raw parse of an overlay, problems included (for the schema test's report). */
    public static ManifestParser.Result parse(String name) {
        return new ManifestParser().parse(Kustomize.render(Project.overlay(name)));
    }

    private static RenderedOverlay load(String name) {
        ManifestParser.Result result = parse(name);
        if (!result.problems().isEmpty()) {
            throw new AssertionError("overlay " + name + " does not validate:\n  " + String.join("\n  ", result.problems()));
        }
        return new RenderedOverlay(name, result.manifests());
    }

    public String name() {
        return name;
    }

    public List<Manifest> manifests() {
        return manifests;
    }

    public <T> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
    }

    public <T> Optional<T> find(Class<T> type, String objectName) {
        return manifests.stream()
                .filter(m -> type.isInstance(m.object()) && m.name().equals(objectName))
                .map(m -> type.cast(m.object()))
                .findFirst();
    }

    public <T> T get(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(() -> new AssertionError(
                "overlay " + name + " has no " + type.getSimpleName() + " named " + objectName));
    }

    /** A pod template in a workload: who owns it, its labels and its spec. */
    public record Workload(String kind, String name, ObjectMeta podMetadata, PodSpec podSpec) {
        public Stream<Container> allContainers() {
            return Stream.concat(podSpec.getInitContainers().stream(), podSpec.getContainers().stream());
        }

        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    /** Every pod template the overlay creates directly (operator-made pods are not in the render). */
    public List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Object object = manifest.object();
            PodTemplateSpec template = null;
            if (object instanceof Deployment d) {
                template = d.getSpec().getTemplate();
            } else if (object instanceof StatefulSet s) {
                template = s.getSpec().getTemplate();
            } else if (object instanceof DaemonSet d) {
                template = d.getSpec().getTemplate();
            } else if (object instanceof Job j) {
                template = j.getSpec().getTemplate();
            } else if (object instanceof CronJob c) {
                template = c.getSpec().getJobTemplate().getSpec().getTemplate();
            }
            if (template != null) {
                workloads.add(new Workload(manifest.kind(), manifest.name(), template.getMetadata(), template.getSpec()));
            }
        }
        return workloads;
    }

    public Workload workload(String kind, String workloadName) {
        return workloads().stream()
                .filter(w -> w.kind().equals(kind) && w.name().equals(workloadName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("overlay " + name + " has no " + kind + " " + workloadName));
    }

    /** A variable a container gets: a literal value, or a reference to a Secret key. */
    public record EnvValue(String value, String secretName, String secretKey) {
        public boolean fromSecret() {
            return secretName != null;
        }
    }

    /** The environment of a container: envFrom ConfigMaps first, then env entries, as the kubelet does. */
    public Map<String, EnvValue> environment(Container container) {
        Map<String, EnvValue> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap = get(ConfigMap.class, source.getConfigMapRef().getName());
                String prefix = Optional.ofNullable(source.getPrefix()).orElse("");
                configMap.getData().forEach((key, value) -> environment.put(prefix + key, new EnvValue(value, null, null)));
            } else if (source.getSecretRef() != null) {
                throw new AssertionError("overlay " + name + ": container " + container.getName()
                        + " takes a whole Secret through envFrom; name each variable with secretKeyRef instead");
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                environment.put(variable.getName(), new EnvValue(null, ref.getName(), ref.getKey()));
            } else if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = variable.getValueFrom().getConfigMapKeyRef();
                environment.put(variable.getName(), new EnvValue(
                        get(ConfigMap.class, ref.getName()).getData().get(ref.getKey()), null, null));
            } else {
                environment.put(variable.getName(), new EnvValue(variable.getValue(), null, null));
            }
        }
        return environment;
    }

    /** The decoded values of a Secret in the render (data and stringData). */
    public static Map<String, String> secretValues(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        secret.getData().forEach((key, value) ->
                values.put(key, new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8)));
        values.putAll(secret.getStringData());
        return values;
    }

    @Override
    public String toString() {
        return name;
    }
}
