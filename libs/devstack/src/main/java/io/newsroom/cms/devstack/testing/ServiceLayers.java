package io.newsroom.cms.devstack.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one skeleton of every service (see services/README.md), as ArchUnit rules each module's test checks against its
 * own classes: eight packages under the service's root, dependencies pointing one way.
 * <pre>
 *   rest ──▶ service ──▶ published ──▶ repository ──▶ domain
 *     │         │            │              │            ▲
 *     └────▶ api ◀──────────┴──── client ◀─┘            │
 *   config: read by anyone, reads nobody             api ─┘
 * </pre>
 */
public final class ServiceLayers {
    /** The package names every service has, in the order they are listed in services/README.md. */
    public static final List<String> PACKAGES = List.of("api", "client", "config", "domain", "published", "repository", "rest", "service");

    private ServiceLayers() {
    }

    /** The production classes under {@code root} (e.g. {@code io.newsroom.cms.articles}), tests left out. */
    public static JavaClasses classesOf(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
    }

    /** Who may use whom: nothing imports a layer above it, and the read model never reaches into the REST layer. */
    public static ArchRule layers(String root) {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(root + ".rest..")
                .layer("service").definedBy(root + ".service..")
                .layer("published").definedBy(root + ".published..")
                .layer("repository").definedBy(root + ".repository..")
                .layer("client").definedBy(root + ".client..")
                .layer("domain").definedBy(root + ".domain..")
                .layer("api").definedBy(root + ".api..")
                .layer("config").definedBy(root + ".config..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("published").mayOnlyBeAccessedByLayers("rest", "service")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service", "published")
                .whereLayer("client").mayOnlyBeAccessedByLayers("service", "published")
                .whereLayer("api").mayOnlyBeAccessedByLayers("rest", "service", "published", "client")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "published", "repository", "client", "api")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rest", "service", "published", "repository", "client", "domain")
                .because("dependencies point one way (services/README.md): a new service copies this shape");
    }

    /** Every class lives in one of the eight packages (nothing at the root but an application class, if any). */
    public static ArchRule everyClassInALayer(String root) {
        String[] allowed = PACKAGES.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
        return classes().that().resideInAPackage(root + "..").and().doNotHaveSimpleName("Application")
                .should().resideInAnyPackage(allowed)
                .because("every class has its place in the skeleton (services/README.md)");
    }

    /** Configuration is typed: no {@code @ConfigProperty} strings in production code (house style: {@code @ConfigMapping}). */
    public static ArchRule typedConfiguration(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.microprofile.config.inject.ConfigProperty")
                .because("configuration is read through typed @ConfigMapping interfaces in the config package");
    }
}
