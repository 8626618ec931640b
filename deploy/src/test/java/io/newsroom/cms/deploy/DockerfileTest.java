package io.newsroom.cms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dockerfiles are written and reviewed here, not built (no container runtime): check what can be read. */
class DockerfileTest {

    private static final Path APPLICATION_DOCKERFILE = Project.deployDir().resolve("docker/Dockerfile.jvm");
    private static final Path KEYCLOAK_DOCKERFILE = Project.deployDir().resolve("docker/keycloak/Dockerfile");

    @Test
    void applicationImagesRunTheQuarkusFastJarAsANonRootUser() throws IOException {
        String dockerfile = Files.readString(APPLICATION_DOCKERFILE);
        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(dockerfile.contains("COPY " + layer) || dockerfile.matches("(?s).*COPY [^\\n]*" + Pattern.quote(layer) + ".*"),
                    "copies the fast-jar part " + layer);
        }
        assertTrue(dockerfile.contains("/deployments/quarkus-run.jar"), "starts quarkus-run.jar");
        assertNonRootUser(dockerfile);
        assertPinnedBaseImages(dockerfile);
        assertTrue(dockerfile.contains("EXPOSE 8080"), "the container port of the manifests");
    }

    @Test
    void keycloakImageIsBuiltForWhatTheManifestsUse() throws IOException {
        String dockerfile = Files.readString(KEYCLOAK_DOCKERFILE);
        assertTrue(dockerfile.contains("kc.sh build"), "an optimized build, so `start --optimized` works on a read-only root");
        for (String option : List.of("KC_DB=postgres", "KC_HEALTH_ENABLED=true", "KC_METRICS_ENABLED=true")) {
            assertTrue(dockerfile.contains(option), "build option " + option + " (the manifests rely on it)");
        }
        assertNonRootUser(dockerfile);
        assertPinnedBaseImages(dockerfile);
    }

    @Test
    void keycloakVersionIsTheSameEverywhere() throws IOException {
        String rootPom = Files.readString(Project.repoRoot().resolve("pom.xml"));
        Matcher property = Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>").matcher(rootPom);
        assertTrue(property.find(), "the root pom defines keycloak.version");
        String version = property.group(1);
        assertTrue(Files.readString(KEYCLOAK_DOCKERFILE).contains("quay.io/keycloak/keycloak:" + version),
                "docker/keycloak/Dockerfile builds on Keycloak " + version);
        for (String overlay : RenderedOverlay.NAMES) {
            JsonNode kustomization = new YAMLMapper().readTree(Project.overlay(overlay).resolve("kustomization.yaml").toFile());
            boolean tagged = false;
            for (JsonNode image : kustomization.path("images")) {
                if (image.path("name").asText().equals("newsroom/keycloak")) {
                    assertEquals(version, image.path("newTag").asText(), overlay + ": Keycloak image tag");
                    tagged = true;
                }
            }
            assertTrue(tagged, overlay + " sets the Keycloak image");
        }
    }

    @Test
    void readmeShowsHowToBuildEveryImage() throws IOException {
        String readme = Files.readString(Project.deployDir().resolve("README.md"));
        for (String application : Project.APPLICATIONS) {
            String module = Project.repoRoot().relativize(Project.moduleDir(application)).toString();
            assertTrue(readme.contains("-t newsroom/" + application + ":"), "README builds newsroom/" + application);
            assertTrue(readme.contains(" " + module), "README builds " + application + " from " + module);
        }
        assertTrue(readme.contains("-t newsroom/keycloak:"), "README builds newsroom/keycloak");
    }

    private static void assertNonRootUser(String dockerfile) {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        assertTrue(last != null, "sets a USER");
        String uid = last.split(":")[0];
        assertTrue(uid.matches("[1-9][0-9]*"), "runs as a numeric non-root user (the kubelet can check runAsNonRoot), not " + last);
    }

    private static void assertPinnedBaseImages(String dockerfile) {
        Matcher arg = Pattern.compile("(?m)^ARG\\s+(\\w+)=(\\S+)").matcher(dockerfile);
        String resolved = dockerfile;
        while (arg.find()) {
            resolved = resolved.replace("${" + arg.group(1) + "}", arg.group(2));
        }
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(resolved);
        boolean any = false;
        while (from.find()) {
            any = true;
            String image = from.group(1);
            if (!image.contains("/") && !image.contains(":")) {
                continue; // a build stage
            }
            assertTrue(image.matches(".+:[^/]+") && !image.endsWith(":latest"), "base image " + image + " has a fixed tag");
        }
        assertFalse(!any, "has a FROM");
    }
}
