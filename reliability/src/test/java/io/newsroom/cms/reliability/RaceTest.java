package io.newsroom.cms.reliability;

import io.newsroom.cms.devstack.testing.Concurrently;
import io.newsroom.cms.reliability.support.Figures;
import io.newsroom.cms.reliability.support.Fixtures;
import io.newsroom.cms.reliability.support.Http;
import io.newsroom.cms.reliability.support.TrustStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static io.newsroom.cms.reliability.support.Fixtures.call;
import static io.newsroom.cms.reliability.support.Fixtures.etag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fifty requests at the same moment, through the gateway: fifty creates with one slug give one 201 and 49 409s naming
 * the field; fifty saves with one ETag give one success, 49 412s and exactly one new version. For articles, authors
 * and lists.
 */
@Order(3)
class RaceTest {
    private static final int N = 50;
    private static Fixtures fixtures;

    @BeforeAll
    static void setUp() {
        TrustStack.get();
        fixtures = Fixtures.make();
        for (String user : List.of("alice", "root", "carl")) {
            TrustStack.bearer(user); // log in before the races, not during them
        }
    }

    @Test
    void fiftyCreatesWithOneSlugGiveOneCreatedAndConflicts() throws Exception {
        String slug = "race-" + UUID.randomUUID().toString().substring(0, 8);
        check("article creates", race(i -> call("alice", "POST", "/api/articles", null, Map.of("slug", slug, "headline", "Race " + i))),
                201, 409, "slug");
        check("author creates", race(i -> call("root", "POST", "/api/authors", null, Map.of("slug", slug, "displayName", "Race " + i))),
                201, 409, "slug");
        check("list creates", race(i -> call("carl", "POST", "/api/lists", null, Map.of("slug", slug, "title", "Race " + i, "maxItems", 5))),
                201, 409, "slug");
    }

    @Test
    void fiftySavesWithOneEtagGiveOneNewVersion() throws Exception {
        String article = "/api/articles/" + fixtures.draftId;
        String before = etag(article);
        int revisions = call("alice", "GET", article + "/revisions", null, null).json().path("items").size();
        check("article saves", race(i -> call("alice", "PUT", article, before, Map.of("headline", "Saved by racer " + i,
                "byline", List.of(fixtures.authorId)))), 200, 412, null);
        // the winning save is a new revision, or folds into alice's open editing session's revision
        int after = call("alice", "GET", article + "/revisions", null, null).json().path("items").size();
        assertTrue(after == revisions || after == revisions + 1, "at most one revision more: " + revisions + " → " + after);
        assertEquals(version(before) + 1, version(etag(article)));

        String author = "/api/authors/" + fixtures.authorId;
        String authorBefore = etag(author);
        check("author saves", race(i -> call("root", "PUT", author, authorBefore, Map.of("displayName", "Racer " + i, "username", "alice",
                "email", fixtures.email))), 200, 412, null);
        assertEquals(version(authorBefore) + 1, version(etag(author)));

        String draft = "/api/lists/" + fixtures.listSlug + "/draft";
        String draftBefore = etag(draft);
        check("list draft saves", race(i -> call("carl", "PUT", draft, draftBefore, Map.of("items", List.of(Map.of("articleId",
                fixtures.publishedId, "overrides", Map.of("headline", "Racer " + i)))))), 200, 412, null);
        assertEquals(version(draftBefore) + 1, version(etag(draft)));
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
    }

    private static void check(String what, List<Http.Answer> answers, int winner, int loser, String field) {
        long won = answers.stream().filter(a -> a.status() == winner).count();
        long lost = answers.stream().filter(a -> a.status() == loser && a.isProblem()
                && (field == null || a.body().contains("\"field\":\"" + field + "\""))).count();
        Figures.add("races: requests", answers.size());
        Figures.add("races: answers other than one winner and problems for the rest", answers.size() - won - lost + Math.abs(won - 1));
        System.out.printf("[trust] race, %d %s: %d × %d, %d × %d%n", answers.size(), what, won, winner, lost, loser);
        List<String> others = answers.stream().filter(a -> a.status() != winner && a.status() != loser).map(Http.Answer::toString).toList();
        assertEquals(List.of(), others, what + ": answers other than " + winner + " and " + loser);
        assertEquals(1, won, what + ": exactly one wins");
        assertEquals(N - 1, lost, what + ": the others get " + loser + " problems" + (field == null ? "" : " naming " + field));
    }

    private static List<Http.Answer> race(IntFunction<Http.Answer> request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return Concurrently.race(N, () -> request.apply(next.getAndIncrement()));
    }
}
