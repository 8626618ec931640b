package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.api.PreviewRecords.BylineName;
import io.newsroom.cms.articles.api.PreviewRecords.PreviewDocument;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.repository.SectionQueries;
import io.newsroom.cms.common.content.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A revision as a preview link shows it: made the way {@link PublishedViews} makes the public article (the same
 * Markdown renderer and sanitizer, the same hero image from the library's copy, the byline's names from the same copy
 * of the authors' profiles), but on request and never stored: nothing of it reaches the read model, the events or any
 * public list.
 */
@ApplicationScoped
public class PreviewDocuments {
    @Inject
    PublishedViews views;

    @Inject
    SectionQueries sections;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public PreviewDocument of(ArticleRevision revision, Instant expiresAt) {
        Content c = revision.content;
        return new PreviewDocument(c.headline, c.dek, MarkdownRenderer.toSafeHtml(c.body), views.hero(c), byline(c.byline),
                List.copyOf(c.tags), c.primarySectionId == null ? null : PublishedViews.sectionRef(sections.tree(), c.primarySectionId),
                revision.key.number, revision.updatedAt, expiresAt);
    }

    /** The byline's names in byline order, from the copy of the authors' public names and profiles; unknown ones left out. */
    @SuppressWarnings("unchecked")
    private List<BylineName> byline(List<UUID> byline) {
        if (byline.isEmpty()) {
            return List.of();
        }
        Map<UUID, Object[]> known = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, link, profile from byline_author where id in (:ids)")
                .setParameter("ids", byline).getResultList()) {
            known.put((UUID) row[0], row);
        }
        List<BylineName> names = new ArrayList<>();
        for (UUID id : byline) {
            Object[] row = known.get(id);
            if (row == null) {
                continue;
            }
            JsonNode link = read((String) row[1]);
            JsonNode profile = row[2] == null ? null : read((String) row[2]);
            String name = text(profile, "displayName");
            names.add(new BylineName(name != null ? name : text(link, "displayName"), text(profile, "jobTitle"),
                    text(profile, "organization")));
        }
        return names;
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
