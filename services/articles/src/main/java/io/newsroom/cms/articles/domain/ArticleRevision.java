package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One saved state of an article's content: an editing session of one person, from its first save
 * ({@code createdAt}) to its last ({@code updatedAt}). While the session is open (see {@code Article.openRevision})
 * further saves replace its content; after that it never changes.
 */
@Entity
@Table(name = "article_revision")
public class ArticleRevision extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Embedded
    public Content content;
    /** Who saved it. */
    public String author;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The last save folded into it. */
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** How many saves it holds. */
    public int saves;
    /** Why it exists when not a plain save, e.g. "restored from revision 3". */
    public String note;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "article_id")
        public UUID articleId;
        public int number;

        public Key() {
        }

        public Key(UUID articleId, int number) {
            this.articleId = articleId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && number == k.number && Objects.equals(articleId, k.articleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, number);
        }
    }
}
