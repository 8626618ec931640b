package io.newsroom.cms.deploy.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are: the deploy module, its overlays, and the repository around it. */
public final class Project {

    /** The applications built from this repository and run as Deployments, by name. */
    public static final List<String> APPLICATIONS = List.of("articles", "authors", "curation", "gateway", "webhooks", "media");

    /** The applications that talk to Kafka: every one of them (media produces its picture events). */
    public static final List<String> KAFKA_CLIENTS = List.of("articles", "authors", "curation", "gateway", "webhooks", "media");

    /** The namespace every namespaced object of the manifests lives in. */
    public static final String NAMESPACE = "newsroom-cms";

    private Project() {
    }

    /** The deploy module directory (Surefire runs the tests there). */
    public static Path deployDir() {
        Path here = Path.of("").toAbsolutePath().normalize();
        if (Files.isDirectory(here.resolve("overlays"))) {
            return here;
        }
        if (Files.isDirectory(here.resolve("deploy/overlays"))) {
            return here.resolve("deploy");
        }
        throw new AssertionError("cannot find the deploy module from " + here);
    }

    /** The repository root: {@code cms.repo.root} from the parent pom, else the deploy module's parent. */
    public static Path repoRoot() {
        String configured = System.getProperty("cms.repo.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "deploy"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return deployDir().getParent();
    }

    public static Path overlay(String name) {
        return deployDir().resolve("overlays").resolve(name);
    }

    /** The module holding an application's sources, relative to the repository root. */
    public static Path moduleDir(String application) {
        return "gateway".equals(application)
                ? repoRoot().resolve("gateway")
                : repoRoot().resolve("services").resolve(application);
    }
}
