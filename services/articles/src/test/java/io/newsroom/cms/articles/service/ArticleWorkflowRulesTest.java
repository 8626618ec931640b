package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state machine alone (unit test of one class; the HTTP tests cover it end to end). */
class ArticleWorkflowRulesTest {
    private static final Actor ALICE = new Actor("alice", true, false);
    private static final Actor BOB = new Actor("bob", true, false);
    private static final Actor ERIN = new Actor("erin", false, true);

    private static Article article(ArticleStatus status, boolean live) {
        Article a = new Article();
        a.owner = "alice";
        a.status = status;
        a.liveRevision = live ? 1 : null;
        return a;
    }

    @Test
    void writersOnlySubmitTheirOwnDrafts() {
        assertEquals(Set.of(Action.SUBMIT), ArticleWorkflow.allowed(article(ArticleStatus.DRAFT, false), ALICE));
        assertEquals(Set.of(), ArticleWorkflow.allowed(article(ArticleStatus.DRAFT, false), BOB));
        assertEquals(Set.of(), ArticleWorkflow.allowed(article(ArticleStatus.APPROVED, false), ALICE));
    }

    @Test
    void editorsMoveArticlesThroughTheWorkflow() {
        assertEquals(EnumSet.of(Action.APPROVE, Action.REQUEST_CHANGES, Action.ARCHIVE),
                ArticleWorkflow.allowed(article(ArticleStatus.IN_REVIEW, false), ERIN));
        assertEquals(EnumSet.of(Action.PUBLISH, Action.SCHEDULE, Action.REQUEST_CHANGES, Action.ARCHIVE),
                ArticleWorkflow.allowed(article(ArticleStatus.APPROVED, false), ERIN));
        assertEquals(EnumSet.of(Action.UNSCHEDULE, Action.ARCHIVE), ArticleWorkflow.allowed(article(ArticleStatus.SCHEDULED, false), ERIN));
        assertEquals(EnumSet.of(Action.REQUEST_CHANGES, Action.UNPUBLISH, Action.ARCHIVE),
                ArticleWorkflow.allowed(article(ArticleStatus.PUBLISHED, true), ERIN));
        assertEquals(EnumSet.of(Action.PUBLISH, Action.ARCHIVE), ArticleWorkflow.allowed(article(ArticleStatus.UNPUBLISHED, false), ERIN));
        assertEquals(Set.of(), ArticleWorkflow.allowed(article(ArticleStatus.ARCHIVED, false), ERIN));
    }

    @Test
    void anEditedLiveArticleMayBePublishedAgainAtOnceByAnEditor() {
        Article edited = article(ArticleStatus.DRAFT, true);
        assertTrue(ArticleWorkflow.allowed(edited, ERIN).containsAll(EnumSet.of(Action.PUBLISH, Action.UNPUBLISH, Action.SUBMIT)));
        assertFalse(ArticleWorkflow.allowed(article(ArticleStatus.DRAFT, false), ERIN).contains(Action.PUBLISH));
        assertEquals(ArticleStatus.DRAFT, ArticleWorkflow.afterEdit(article(ArticleStatus.PUBLISHED, true)));
        assertEquals(ArticleStatus.IN_REVIEW, ArticleWorkflow.afterEdit(article(ArticleStatus.IN_REVIEW, true)));
        assertEquals(ArticleStatus.DRAFT, ArticleWorkflow.target(edited, Action.UNPUBLISH), "the working copy keeps its place");
    }

    @Test
    void editingRules() {
        assertTrue(ArticleWorkflow.mayEdit(article(ArticleStatus.DRAFT, false), ALICE));
        assertFalse(ArticleWorkflow.mayEdit(article(ArticleStatus.IN_REVIEW, false), ALICE));
        assertFalse(ArticleWorkflow.mayEdit(article(ArticleStatus.DRAFT, false), BOB));
        assertTrue(ArticleWorkflow.mayEdit(article(ArticleStatus.PUBLISHED, true), ERIN));
        assertFalse(ArticleWorkflow.mayEdit(article(ArticleStatus.ARCHIVED, false), ERIN));
    }
}
