package io.newsroom.cms.deploy;

import io.newsroom.cms.deploy.support.Kustomize;
import io.newsroom.cms.deploy.support.Manifest;
import io.newsroom.cms.deploy.support.ManifestParser;
import io.newsroom.cms.deploy.support.Project;
import io.newsroom.cms.deploy.support.RenderedOverlay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every overlay renders, and every object in it is a valid object of its API type. */
class OverlaySchemaTest {

    static final List<String> OVERLAYS = RenderedOverlay.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyObjectValidatesAgainstItsApiType(String overlay) {
        ManifestParser.Result result = new ManifestParser().parse(Kustomize.render(Project.overlay(overlay)));
        assertEquals(List.of(), result.problems(), "objects the API server would refuse");
        assertFalse(result.manifests().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void objectNamesAreUniqueAndNamespaced(String overlay) {
        List<Manifest> manifests = RenderedOverlay.of(overlay).manifests();
        Map<String, Long> counts = manifests.stream().collect(Collectors.groupingBy(Manifest::id, Collectors.counting()));
        counts.forEach((id, count) -> assertEquals(1L, count, id + " is defined more than once"));
        manifests.stream()
                .filter(m -> !m.kind().equals("Namespace"))
                .forEach(m -> assertEquals(Project.NAMESPACE, m.namespace(), m + " namespace"));
    }
}
