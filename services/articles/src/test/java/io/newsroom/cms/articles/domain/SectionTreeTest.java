package io.newsroom.cms.articles.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tree's rules without a database: paths, subtrees, cycles, the editors' order. */
class SectionTreeTest {
    private static Section section(String slug, Section parent, int position) {
        Section s = new Section();
        s.id = UUID.nameUUIDFromBytes(slug.getBytes());
        s.slug = slug;
        s.name = slug;
        s.parentId = parent == null ? null : parent.id;
        s.position = position;
        return s;
    }

    private final Section news = section("news", null, 0);
    private final Section opinion = section("opinion", null, 1);
    private final Section cloud = section("cloud", news, 1);
    private final Section chips = section("chips", news, 0);
    private final Section edge = section("edge", cloud, 0);
    private final SectionTree tree = new SectionTree(List.of(edge, opinion, cloud, news, chips));

    @Test
    void pathsGoFromTheTopDown() {
        assertEquals(List.of("news", "cloud", "edge"), tree.slugPath(edge.id));
        assertEquals(List.of("opinion"), tree.slugPath(opinion.id));
        assertEquals(List.of(), tree.slugPath(UUID.randomUUID()));
    }

    @Test
    void aSectionCannotMoveUnderItselfOrItsDescendants() {
        assertEquals(Set.of(news.id, cloud.id, chips.id, edge.id), tree.subtree(news.id));
        assertTrue(tree.wouldCycle(news.id, edge.id));
        assertTrue(tree.wouldCycle(cloud.id, cloud.id));
        assertFalse(tree.wouldCycle(edge.id, opinion.id));
        assertFalse(tree.wouldCycle(edge.id, null));
    }

    @Test
    void theEditorsListIsDepthFirstWithSiblingsInOrder() {
        assertEquals(List.of("news", "chips", "cloud", "edge", "opinion"), tree.depthFirst().stream().map(s -> s.slug).toList());
    }

    @Test
    void aCycleInTheDataDoesNotHangThePath() {
        Section a = section("a", null, 0);
        Section b = section("b", a, 0);
        a.parentId = b.id;
        SectionTree broken = new SectionTree(List.of(a, b));
        assertEquals(2, broken.path(a.id).size());
    }
}
