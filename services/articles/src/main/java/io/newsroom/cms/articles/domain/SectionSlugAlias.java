package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A slug a section had before a rename; it keeps resolving (the public API redirects or follows it). */
@Entity
@Table(name = "section_slug_alias")
public class SectionSlugAlias extends PanacheEntityBase {
    @Id
    public String slug;
    @Column(name = "section_id")
    public UUID sectionId;
}
