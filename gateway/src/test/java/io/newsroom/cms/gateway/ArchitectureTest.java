package io.newsroom.cms.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.newsroom.cms.devstack.testing.ServiceLayers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service skeleton of services/README.md, checked on the gateway's classes with the shared rules. */
class ArchitectureTest {
    private static final String ROOT = "io.newsroom.cms.gateway";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ServiceLayers.classesOf(ROOT);
    }

    @Test
    void dependenciesPointOneWay() {
        ServiceLayers.layers(ROOT).check(classes);
    }

    @Test
    void everyClassIsInOneOfTheEightPackages() {
        ServiceLayers.everyClassInALayer(ROOT).check(classes);
    }

    @Test
    void configurationIsTyped() {
        ServiceLayers.typedConfiguration(ROOT).check(classes);
    }

    @Test
    void thePackageFolderListsExactlyTheEightPackages() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("src/main/java/io/newsroom/cms/gateway"))) {
            assertEquals(ServiceLayers.PACKAGES, entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
