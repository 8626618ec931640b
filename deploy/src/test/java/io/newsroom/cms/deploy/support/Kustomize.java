package io.newsroom.cms.deploy.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with {@code kubectl kustomize} (offline; no cluster involved), or with a
 * standalone {@code kustomize build} where no kubectl is installed. The overlays need kustomize v5
 * (kubectl 1.27 or newer).
 */
public final class Kustomize {

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The rendered YAML of the kustomization in {@code dir}, cached for the test run. */
    public static String render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static String run(Path dir) {
        List<String> command = command(dir);
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed (the overlays need kustomize v5,"
                            + " that is kubectl 1.27 or newer):\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    private static List<String> command(Path dir) {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize", dir.toString());
        }
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return List.of(kustomize.get().toString(), "build", dir.toString());
        }
        throw new AssertionError("""
                kubectl was not found on the PATH, so the Kubernetes manifests cannot be rendered and checked.
                Install it (1.27 or newer; it renders offline, no cluster is needed) or a standalone kustomize v5,
                or point -Dcms.kubectl=/path/to/kubectl or the KUBECTL environment variable at it.""");
    }

    /**
     * kubectl from the system property {@code cms.kubectl}, the environment variable {@code KUBECTL},
     * or the PATH. Missing kubectl is a failure, never a skip: the manifests would go unchecked.
     */
    static Optional<Path> kubectl() {
        Optional<Path> configured = Stream.of(System.getProperty("cms.kubectl"), System.getenv("KUBECTL"))
                .filter(value -> value != null && !value.isBlank())
                .map(Path::of)
                .findFirst();
        if (configured.isPresent()) {
            if (Files.isExecutable(configured.get())) {
                return configured;
            }
            throw new AssertionError("kubectl configured as " + configured.get() + " is not an executable file");
        }
        return onPath("kubectl");
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isExecutable(Path.of(entry, program))) {
                return Optional.of(Path.of(entry, program));
            }
        }
        return Optional.empty();
    }
}
