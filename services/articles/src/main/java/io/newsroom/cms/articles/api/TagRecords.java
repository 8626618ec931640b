package io.newsroom.cms.articles.api;

import io.newsroom.cms.common.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tags API's bodies: the editors' registry records, and the public ones readers' sites list tags with. */
public final class TagRecords {
    /** What an article's tag may be (the same rule as {@code ArticleRequest.tags}): a word or short phrase. */
    public static final String NAME = "[\\p{L}\\p{N}][\\p{L}\\p{N} &'._-]*";

    private TagRecords() {
    }

    /**
     * Create or change a tag. {@code name} is the word articles carry (saved trimmed and lowercased, as articles save
     * it); changing it changes it in every article. {@code slug} defaults to one derived from the name on create and
     * to the current one on change; a changed slug leaves the old one as an alias.
     */
    public record TagRequest(@Slug String slug,
                             @NotBlank @Size(max = 60) @Pattern(regexp = NAME, message = "must be a word or short phrase") String name,
                             @Size(max = 500) String description) {
    }

    /** Change some of a tag: what is left out (null) stays; a blank description clears it. */
    public record TagPatch(@Slug String slug,
                           @Size(max = 60) @Pattern(regexp = NAME, message = "must be a word or short phrase") String name,
                           @Size(max = 500) String description) {
        /** The whole request this patch makes of {@code current}'s slug, name and description. */
        public TagRequest over(String currentSlug, String currentName, String currentDescription) {
            return new TagRequest(slug != null ? slug : currentSlug, name != null ? name : currentName,
                    description != null ? description : currentDescription);
        }
    }

    /** Merge a tag into another ({@code into}: the other's slug, current or former). */
    public record MergeRequest(@NotNull @Slug String into) {
    }

    /**
     * A tag for the editors: {@code articles} is how many articles' working copies carry it, {@code aliases} the slugs
     * that lead to it (former ones, merged tags').
     */
    public record TagView(UUID id, String slug, String name, String description, long articles, List<String> aliases,
                          Instant createdAt, Instant updatedAt, long version) {
    }

    /** Tags by name (those starting with {@code q}, when given), a page of them, and how many there are in all. */
    public record TagList(List<TagView> items, long total) {
    }

    /** A tag as readers see it: {@code articles} is how many published articles carry it. */
    public record PublicTag(String slug, String name, String description, long articles) {
    }

    /** A page of the tags published articles carry, the most used first; {@code nextCursor} null on the last. */
    public record PublicTagIndex(List<PublicTag> items, String nextCursor) {
    }
}
