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
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Content c && Objects.equals(slug, c.slug) && Objects.equals(headline, c.headline)
                && Objects.equals(dek, c.dek) && Objects.equals(body, c.body) && Objects.equals(heroUrl, c.heroUrl)
                && Objects.equals(heroAlt, c.heroAlt) && Objects.equals(heroCaption, c.heroCaption)
                && Objects.equals(heroCredit, c.heroCredit) && Objects.equals(heroMediaId, c.heroMediaId) && Objects.equals(tags, c.tags) && Objects.equals(byline, c.byline)
                && Objects.equals(primarySectionId, c.primarySectionId) && Objects.equals(secondarySectionIds, c.secondarySectionIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slug, headline, body);
    }
}
