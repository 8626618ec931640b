package io.newsroom.cms.devstack.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The skeleton of services/README.md, checked on one module's classes with the shared {@link ServiceLayers} rules. Each
 * Quarkus module has one {@code ArchitectureTest extends SkeletonTest}, naming its part ({@code "articles"}).
 */
public abstract class SkeletonTest {
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();
    private final String name;
    private final String root;

    protected SkeletonTest(String name) {
        this.name = name;
        this.root = "io.newsroom.cms." + name;
    }

    private JavaClasses classes() {
        return IMPORTED.computeIfAbsent(root, ServiceLayers::classesOf);
    }

    @Test
    void dependenciesPointOneWay() {
        ServiceLayers.layers(root).check(classes());
    }

    @Test
    void everyClassIsInOneOfTheEightPackages() {
        ServiceLayers.everyClassInALayer(root).check(classes());
    }

    @Test
    void configurationIsTyped() {
        ServiceLayers.typedConfiguration(root).check(classes());
    }

    @Test
    void thePackageFolderListsExactlyTheEightPackages() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("src/main/java/io/newsroom/cms/" + name))) {
            assertEquals(ServiceLayers.PACKAGES, entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
