package io.newsroom.cms.articles;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.newsroom.cms.devstack.testing.ServiceLayers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's skeleton (services/README.md), checked with the shared rules: articles is the reference service. */
class ArchitectureTest {
    private static final String ROOT = "io.newsroom.cms.articles";
    private static final JavaClasses CLASSES = ServiceLayers.classesOf(ROOT);

    @Test
    void dependenciesPointOneWay() {
        ServiceLayers.layers(ROOT).check(CLASSES);
    }

    @Test
    void everyClassIsInOneOfTheEightPackages() {
        ServiceLayers.everyClassInALayer(ROOT).check(CLASSES);
    }

    @Test
    void configurationIsTyped() {
        ServiceLayers.typedConfiguration(ROOT).check(CLASSES);
    }

    @Test
    void thePackageFolderListsExactlyTheEightPackages() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("src/main/java/io/newsroom/cms/articles"))) {
            assertEquals(ServiceLayers.PACKAGES, entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
