package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.Embargo;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
        // a scheduled article is moved to a new time in one step (schedule again), or its schedule cancelled
        assertEquals(EnumSet.of(Action.SCHEDULE, Action.UNSCHEDULE, Action.ARCHIVE), ArticleWorkflow.allowed(article(ArticleStatus.SCHEDULED, false), ERIN));
        assertEquals(ArticleStatus.SCHEDULED, ArticleWorkflow.target(article(ArticleStatus.SCHEDULED, false), Action.SCHEDULE));
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
    void anExpiryCanBeClearedOnlyWhileTheArticleIsLiveAndHasOne() {
        Article live = article(ArticleStatus.PUBLISHED, true);
        assertFalse(ArticleWorkflow.allowed(live, ERIN).contains(Action.UNSCHEDULE_UNPUBLISH));
        live.scheduledUnpublishAt = Instant.parse("2030-01-01T00:00:00Z");
        assertTrue(ArticleWorkflow.allowed(live, ERIN).contains(Action.UNSCHEDULE_UNPUBLISH));
        assertFalse(ArticleWorkflow.allowed(live, ALICE).contains(Action.UNSCHEDULE_UNPUBLISH));
        assertEquals(ArticleStatus.PUBLISHED, ArticleWorkflow.target(live, Action.UNSCHEDULE_UNPUBLISH));
    }

    @Test
    void anEmbargoOpensTheArticleOnlyToItsOwnerAdminsAndThePeopleAndRolesItNames() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Article held = article(ArticleStatus.APPROVED, false);
        held.embargo = new Embargo();
        held.embargo.until = now.plusSeconds(60);
        held.embargo.users = List.of("bob");
        held.embargo.roles = List.of("curator");
        Actor carl = new Actor("carl", false, false, Set.of("curator"));
        Actor root = new Actor("root", false, true, Set.of("admin"));
        Actor dana = new Actor("dana", true, false);
        assertTrue(ArticleWorkflow.mayOpen(held, ALICE, now), "the owner");
        assertTrue(ArticleWorkflow.mayOpen(held, BOB, now), "named");
        assertTrue(ArticleWorkflow.mayOpen(held, carl, now), "a named role");
        assertTrue(ArticleWorkflow.mayOpen(held, root, now), "an admin");
        assertFalse(ArticleWorkflow.mayOpen(held, ERIN, now), "an editor, when editors are not named");
        assertFalse(ArticleWorkflow.mayOpen(held, dana, now));
        assertTrue(ArticleWorkflow.mayOpen(held, dana, held.embargo.until), "at the lift it holds nothing");
        held.embargo.roles = List.of("editor");
        assertTrue(ArticleWorkflow.mayOpen(held, ERIN, now));
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
