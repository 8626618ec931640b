package io.newsroom.cms.articles.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The section hierarchy as loaded at one moment: parents, children in order, paths. The rules that need nothing but
 * the tree: where a section sits (its path from the top), which sections lie under it, whether a move would make a cycle.
 */
public final class SectionTree {
    private static final Comparator<Section> ORDER = Comparator.comparingInt((Section s) -> s.position).thenComparing(s -> s.slug);

    private final Map<UUID, Section> byId = new HashMap<>();
    private final Map<UUID, List<Section>> children = new HashMap<>();

    public SectionTree(List<Section> sections) {
        for (Section section : sections) {
            byId.put(section.id, section);
        }
        for (Section section : sections) {
            children.computeIfAbsent(section.parentId, k -> new ArrayList<>()).add(section);
        }
        children.values().forEach(list -> list.sort(ORDER));
    }

    public Section get(UUID id) {
        return byId.get(id);
    }

    public boolean contains(UUID id) {
        return byId.containsKey(id);
    }

    /** The sections directly under {@code parent} (null: the top level), in order. */
    public List<Section> children(UUID parent) {
        return children.getOrDefault(parent, List.of());
    }

    /** From the top-level section down to {@code id} itself (empty when unknown). */
    public List<Section> path(UUID id) {
        List<Section> path = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (Section s = byId.get(id); s != null && seen.add(s.id); s = s.parentId == null ? null : byId.get(s.parentId)) {
            path.add(0, s);
        }
        return path;
    }

    /** The slugs of {@link #path}: {@code ["news", "cloud"]}. */
    public List<String> slugPath(UUID id) {
        return path(id).stream().map(s -> s.slug).toList();
    }

    /** {@code id} and every section under it. */
    public Set<UUID> subtree(UUID id) {
        Set<UUID> found = new LinkedHashSet<>();
        List<UUID> todo = new ArrayList<>(List.of(id));
        while (!todo.isEmpty()) {
            UUID next = todo.remove(todo.size() - 1);
            if (found.add(next)) {
                children(next).forEach(child -> todo.add(child.id));
            }
        }
        return found;
    }

    /** Whether putting {@code id} under {@code newParent} would make it its own ancestor. */
    public boolean wouldCycle(UUID id, UUID newParent) {
        return newParent != null && subtree(id).contains(newParent);
    }

    /** Every section, depth first, siblings in order: the order of the editors' tree. */
    public List<Section> depthFirst() {
        List<Section> ordered = new ArrayList<>();
        walk(null, ordered, new LinkedHashSet<>());
        return ordered;
    }

    private void walk(UUID parent, List<Section> ordered, Set<UUID> seen) {
        for (Section child : children(parent)) {
            if (seen.add(child.id)) {
                ordered.add(child);
                walk(child.id, ordered, seen);
            }
        }
    }
}
