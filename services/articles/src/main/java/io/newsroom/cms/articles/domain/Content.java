package io.newsroom.cms.articles.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The editable content of an article: what a revision captures and what publishing makes live. */
@Embeddable
public class Content {
    public String slug;
    public String headline;
    public String dek;
    public String body = "";
    @Column(name = "hero_url")
    public String heroUrl;
    @Column(name = "hero_alt")
    public String heroAlt;
    @Column(name = "hero_caption")
    public String heroCaption;
    @Column(name = "hero_credit")
    public String heroCredit;
    /** The hero picture in the media library (then {@link #heroUrl} is its default rendition and the alt, caption and credit override the library's). */
    @Column(name = "hero_media_id")
    public UUID heroMediaId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> byline = new ArrayList<>();
    /** The section the article belongs to (required before it is submitted), or null while a draft has none. */
    @Column(name = "primary_section_id")
    public UUID primarySectionId;
    /** Further sections it is also shown in, in the order given. */
    @Column(name = "secondary_section_ids")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> secondarySectionIds = new ArrayList<>();
    /** The title search engines and social cards show instead of the headline, or null: the headline. */
    @Column(name = "seo_title")
    public String seoTitle;
    /** The description search engines and social cards show instead of the dek, or null: the dek. */
    @Column(name = "seo_description")
    public String seoDescription;
    /** Where the article's original lives (syndicated or republished copies), or null: its own page. */
    @Column(name = "seo_canonical_url")
    public String seoCanonicalUrl;
    /** Search engines are asked not to index it, and the sitemaps leave it out. */
    @Column(name = "seo_noindex")
    public boolean seoNoindex;
    /** The social card's pasted picture, or (with {@link #seoImageMediaId}) the library's social-card crop; null: the hero's. */
    @Column(name = "seo_image_url")
    public String seoImageUrl;
    /** The social image's alt text (on a library picture: this article's override, null: the library's). */
    @Column(name = "seo_image_alt")
    public String seoImageAlt;
    /** The social card's picture in the media library, or null. */
    @Column(name = "seo_image_media_id")
    public UUID seoImageMediaId;
    /**
     * The note readers get with the next publish of this content ({@code ArticleCorrection.CORRECTION} or
     * {@code UPDATE}), or null: publishing moves it to the article's corrections and clears it from the working copy.
     */
    @Column(name = "correction_kind")
    public String correctionKind;
    @Column(name = "correction_note")
    public String correctionNote;
    /**
     * Related articles chosen by hand, in the editor's order (at most 10; readers get the published ones among them
     * first, then related ones found by section and tags).
     */
    @Column(name = "related_ids")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> relatedIds = new ArrayList<>();

    public Content copy() {
        Content c = new Content();
        c.slug = slug;
        c.headline = headline;
        c.dek = dek;
        c.body = body;
        c.heroUrl = heroUrl;
        c.heroAlt = heroAlt;
        c.heroCaption = heroCaption;
        c.heroCredit = heroCredit;
        c.heroMediaId = heroMediaId;
        c.tags = new ArrayList<>(tags);
        c.byline = new ArrayList<>(byline);
        c.primarySectionId = primarySectionId;
        c.secondarySectionIds = new ArrayList<>(secondarySectionIds);
        c.seoTitle = seoTitle;
        c.seoDescription = seoDescription;
        c.seoCanonicalUrl = seoCanonicalUrl;
        c.seoNoindex = seoNoindex;
        c.seoImageUrl = seoImageUrl;
        c.seoImageAlt = seoImageAlt;
        c.seoImageMediaId = seoImageMediaId;
        c.correctionKind = correctionKind;
        c.correctionNote = correctionNote;
        c.relatedIds = new ArrayList<>(relatedIds);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Content c && Objects.equals(slug, c.slug) && Objects.equals(headline, c.headline)
                && Objects.equals(dek, c.dek) && Objects.equals(body, c.body) && Objects.equals(heroUrl, c.heroUrl)
                && Objects.equals(heroAlt, c.heroAlt) && Objects.equals(heroCaption, c.heroCaption)
                && Objects.equals(heroCredit, c.heroCredit) && Objects.equals(heroMediaId, c.heroMediaId) && Objects.equals(tags, c.tags) && Objects.equals(byline, c.byline)
                && Objects.equals(primarySectionId, c.primarySectionId) && Objects.equals(secondarySectionIds, c.secondarySectionIds)
                && Objects.equals(seoTitle, c.seoTitle) && Objects.equals(seoDescription, c.seoDescription)
                && Objects.equals(seoCanonicalUrl, c.seoCanonicalUrl) && seoNoindex == c.seoNoindex
                && Objects.equals(seoImageUrl, c.seoImageUrl) && Objects.equals(seoImageAlt, c.seoImageAlt)
                && Objects.equals(seoImageMediaId, c.seoImageMediaId)
                && Objects.equals(correctionKind, c.correctionKind) && Objects.equals(correctionNote, c.correctionNote)
                && Objects.equals(relatedIds, c.relatedIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slug, headline, body);
    }
}
