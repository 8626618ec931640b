package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A correction or update note readers are shown with an article: the note a revision carried when it was published,
 * stamped with the time of that publish. Never changed afterwards, so readers keep seeing every one.
 */
@Entity
@Table(name = "article_correction")
public class ArticleCorrection extends PanacheEntityBase {
    public static final String CORRECTION = "correction";
    public static final String UPDATE = "update";

    @EmbeddedId
    public Key key;
    /** {@link #CORRECTION} or {@link #UPDATE}. */
    public String kind;
    public String note;
    public Instant at;

    /** The article's notes, newest first. */
    public static List<ArticleCorrection> of(UUID articleId) {
        return list("key.articleId = ?1 order by at desc, key.revision desc", articleId);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "article_id")
        public UUID articleId;
        public int revision;

        public Key() {
        }

        public Key(UUID articleId, int revision) {
            this.articleId = articleId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && revision == k.revision && Objects.equals(articleId, k.articleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, revision);
        }
    }
}
