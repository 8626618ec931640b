package io.newsroom.cms.articles.api;

import io.newsroom.cms.common.validation.Slug;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The sections API's bodies: the editors' records, and the public ones readers' sites build navigation from. */
public final class SectionRecords {
    private SectionRecords() {
    }

    /**
     * Create or replace a section. {@code slug} defaults to one derived from the name on create and to the current one on
     * replace; {@code parentId} null puts it at the top level; {@code position} (its place among its new siblings, from 0)
     * defaults to last on create and to its current place on replace.
     */
    public record SectionRequest(@Slug String slug,
                                 @NotBlank @Size(max = 100) String name,
                                 @Size(max = 500) String description,
                                 UUID parentId,
                                 @Min(0) @Max(10_000) Integer position) {
    }

    /** A section for the editors: {@code path} is the slugs from the top down to it, {@code depth} 0 at the top. */
    public record SectionView(UUID id, String slug, String name, String description, UUID parentId, int position,
                              List<String> path, int depth, Instant createdAt, Instant updatedAt, long version) {
    }

    /** Every section, depth first, siblings in order (the tree as a list: {@code parentId} and {@code depth} shape it). */
    public record SectionList(List<SectionView> items, long total) {
    }

    /** A section as a published article names it: its slug, name and path (the slugs from the top section down to it). */
    public record SectionRef(String slug, String name, List<String> path) {
    }

    /** A section in the public tree: {@code urlPath} is where a site shows it ({@code /news/cloud}). */
    public record PublicSection(UUID id, String slug, String name, String description, List<String> path, String urlPath,
                                List<PublicSection> children) {
    }

    /** The public tree: the top-level sections, each with its children, in order. */
    public record PublicSectionTree(List<PublicSection> items) {
    }
}
