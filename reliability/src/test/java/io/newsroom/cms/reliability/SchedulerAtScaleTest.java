package io.newsroom.cms.reliability;

import io.newsroom.cms.devstack.Stack;
import io.newsroom.cms.devstack.testing.Concurrently;
import io.newsroom.cms.reliability.support.Figures;
import io.newsroom.cms.reliability.support.Fixtures;
import io.newsroom.cms.reliability.support.Http;
import io.newsroom.cms.reliability.support.Load;
import io.newsroom.cms.reliability.support.TrustStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schedulers at scale: three replicas of articles and two of curation poll the same stores. 200 articles and 20
 * lists due in the same minute are each published exactly once (one history or audit event each). Then the same again
 * with every replica down across the due time: each service has caught up within 10 s of its first replica being
 * ready again (one per service comes back, both JVMs starting together on shared cores; how long a JVM takes to start
 * is measured in bench/startup).
 */
@Order(20)
class SchedulerAtScaleTest {
    private static final int ARTICLES = TrustStack.heavy() ? 1_000 : 200;
    private static final int LISTS = 20;
    private static Fixtures fixtures;
    private static final List<String> REPLICAS = new ArrayList<>();

    @BeforeAll
    static void replicas() throws Exception {
        Stack stack = TrustStack.get();
        fixtures = Fixtures.make();
        List<String> services = List.of("articles", "articles", "curation");
        REPLICAS.addAll(Concurrently.all(services.size(), services.size(), i -> stack.startReplica(services.get(i))));
    }

    @AfterAll
    static void stopReplicas() {
        REPLICAS.forEach(TrustStack.get()::stop);
    }

    @Test
    void dueTogetherEachIsPublishedExactlyOnceByThreeAndTwoReplicas() throws Exception {
        Instant preparing = Instant.now();
        Batch batch = prepare("together");
        Instant due = Instant.now().plus(leadTime(preparing, Duration.ofSeconds(5)));
        batch.schedule(due);
        Duration took = batch.awaitPublished(due, Duration.ofSeconds(60));
        batch.assertExactlyOnce();
        Figures.note("scheduler: " + ARTICLES + " articles + " + LISTS + " lists due together, 3 + 2 replicas", "all published "
                + took.toMillis() + " ms after the due time, each once");
        System.out.printf("[trust] scheduler: %d articles and %d lists due at once, 3 articles and 2 curation replicas: published after"
                + " %.1f s, each exactly once%n", ARTICLES, LISTS, took.toMillis() / 1000.0);
    }

    @Test
    void withEveryReplicaDownAcrossTheDueTimeAllAreCaughtUpWithinTenSecondsOfTheirFirstStart() throws Exception {
        Stack stack = TrustStack.get();
        // the first test's extra replicas go now and stay down (five JVMs starting together on two cores took most of
        // this test's time); the two services' own instances go once their items are scheduled, then come back
        REPLICAS.parallelStream().forEach(stack::stop);
        REPLICAS.clear();
        Instant preparing = Instant.now();
        Batch batch = prepare("catch-up");
        // ahead of scheduling them (about 1 s here) and stopping both services (1-2 s) on a machine twice as slow
        Instant due = Instant.now().plus(leadTime(preparing, Duration.ofSeconds(9)));
        batch.schedule(due);
        List<String> all = List.of("articles", "curation");
        all.parallelStream().forEach(stack::stop);
        boolean downBeforeDue = Instant.now().isBefore(due);
        Load.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 2_000);

        // per service: from its first replica being ready to all of its due items live (the JVMs start together on
        // shared cores, so how long they take to start is not the schedulers' to answer for)
        Map<String, Instant> firstReady = new java.util.HashMap<>();
        Map<String, String> readyUrl = new java.util.HashMap<>();
        Map<String, Duration> caughtUp = new java.util.HashMap<>();
        Thread starting = new Thread(() -> stack.start(all));
        starting.start();
        Instant giveUp = Instant.now().plusSeconds(120);
        while (caughtUp.size() < 2) {
            assertTrue(Instant.now().isBefore(giveUp), "not caught up: ready " + firstReady + ", caught up " + caughtUp);
            for (String name : all) {
                String service = name.startsWith("articles") ? "articles" : "curation";
                if (!readyUrl.containsKey(service)
                        && Http.send(new Http.Call("GET", stack.url(name) + "/q/health/ready", Map.of(), null)).status() == 200) {
                    firstReady.put(service, Instant.now());
                    readyUrl.put(service, stack.url(name));
                }
            }
            if (readyUrl.containsKey("articles") && !caughtUp.containsKey("articles") && batch.articlesLive(readyUrl.get("articles")) == ARTICLES) {
                caughtUp.put("articles", Duration.between(firstReady.get("articles"), Instant.now()));
            }
            if (readyUrl.containsKey("curation") && !caughtUp.containsKey("curation") && batch.listsLive(readyUrl.get("curation")) == LISTS) {
                caughtUp.put("curation", Duration.between(firstReady.get("curation"), Instant.now()));
            }
            Load.sleep(100);
        }
        starting.join();
        assertTrue(downBeforeDue, "every replica was down before the due time");
        batch.assertExactlyOnce();
        Figures.note("scheduler: every replica down across the due time", ARTICLES + " articles caught up " + caughtUp.get("articles").toMillis()
                + " ms after the first articles replica was ready, " + LISTS + " lists " + caughtUp.get("curation").toMillis()
                + " ms after the first curation replica");
        System.out.printf("[trust] scheduler: every replica down across the due time; %d articles caught up %.1f s after the first articles"
                        + " replica was ready, %d lists %.1f s after the first curation replica; each exactly once%n", ARTICLES,
                caughtUp.get("articles").toMillis() / 1000.0, LISTS, caughtUp.get("curation").toMillis() / 1000.0);
        caughtUp.forEach((service, took) -> assertTrue(took.compareTo(Duration.ofSeconds(10)) <= 0,
                service + " caught up " + took.toMillis() + " ms after its first replica was ready"));
    }

    /**
     * How far ahead the items are due: {@code least}, or more on a machine so busy that scheduling them all might not
     * be done by then (a time already past is refused). Scheduling sends about a third of the requests preparing sent,
     * so half the time preparing took since {@code preparing} is ahead of it whatever the machine's speed.
     */
    private static Duration leadTime(Instant preparing, Duration least) {
        Duration half = Duration.between(preparing, Instant.now()).dividedBy(2);
        return half.compareTo(least) > 0 ? half : least;
    }

    /** {@link #ARTICLES} approved articles and {@link #LISTS} lists with a draft, ready to be scheduled. */
    private static Batch prepare(String name) throws Exception {
        String tag = "sched" + UUID.randomUUID().toString().substring(0, 8);
        String articles = TrustStack.service("articles");
        List<String[]> prepared = parallel(ARTICLES, i -> {
            Http.Answer created = Fixtures.expect(201, direct("alice", "POST", articles + "/articles", null, Map.of("headline", "Due " + name + " " + i,
                    "tags", List.of(tag), "byline", List.of(fixtures.authorId))));
            String id = created.json().path("id").asText();
            String etag = created.header("etag");
            etag = Fixtures.expect(200, direct("alice", "POST", articles + "/articles/" + id + "/transitions", etag, Map.of("action", "submit"))).header("etag");
            etag = Fixtures.expect(200, direct("erin", "POST", articles + "/articles/" + id + "/transitions", etag, Map.of("action", "approve"))).header("etag");
            return new String[]{id, etag};
        });
        String curation = TrustStack.service("curation");
        List<String[]> lists = parallel(LISTS, i -> {
            String slug = tag + "-" + i;
            Fixtures.expect(201, direct("carl", "POST", curation + "/lists", null, Map.of("slug", slug, "title", "Due " + i, "maxItems", 5)));
            String draft = Fixtures.expect(200, direct("carl", "GET", curation + "/lists/" + slug + "/draft", null, null)).header("etag");
            draft = Fixtures.expect(200, direct("carl", "POST", curation + "/lists/" + slug + "/draft/items", draft, Map.of("articleId", fixtures.publishedId)))
                    .header("etag");
            return new String[]{slug, draft};
        });
        return new Batch(tag, prepared, lists);
    }

    private record Batch(String tag, List<String[]> articles, List<String[]> lists) {
        void schedule(Instant at) throws Exception {
            String a = TrustStack.service("articles");
            String c = TrustStack.service("curation");
            parallel(articles.size(), i -> Fixtures.expect(200, direct("erin", "POST", a + "/articles/" + articles.get(i)[0] + "/transitions",
                    articles.get(i)[1], Map.of("action", "schedule", "at", at.toString()))));
            parallel(lists.size(), i -> Fixtures.expect(200, direct("carl", "POST", c + "/lists/" + lists.get(i)[0] + "/publish", lists.get(i)[1],
                    Map.of("at", at.toString()))));
        }

        long articlesLive(String articlesUrl) {
            Http.Answer page = direct("erin", "GET", articlesUrl + "/articles?status=PUBLISHED&size=1&tag=" + tag, null, null);
            return page.status() == 200 ? page.json().path("total").asLong(-1) : -1;
        }

        long listsLive(String curationUrl) {
            return lists.stream().filter(l -> {
                Http.Answer list = direct("carl", "GET", curationUrl + "/lists/" + l[0], null, null);
                return list.status() == 200 && list.json().path("liveRevision").isNumber();
            }).count();
        }

        /** Waits until every article and list is live; returns how long after {@code from} that was. */
        Duration awaitPublished(Instant from, Duration limit) {
            Instant end = Instant.now().plus(limit);
            while (true) {
                long articlesLive = articlesLive(TrustStack.service("articles"));
                long listsLive = listsLive(TrustStack.service("curation"));
                if (articlesLive == articles.size() && listsLive == lists.size()) {
                    return Duration.between(from, Instant.now());
                }
                assertTrue(Instant.now().isBefore(end), "published so far: " + articlesLive + " articles, " + listsLive + " lists");
                Load.sleep(200);
            }
        }

        void assertExactlyOnce() throws Exception {
            String a = TrustStack.service("articles");
            List<Integer> events = parallel(articles.size(), i -> direct("erin", "GET", a + "/articles/" + articles.get(i)[0] + "/history", null, null)
                    .json().path("items").findValuesAsText("action").stream().filter("scheduled_publish"::equals).toList().size());
            String c = TrustStack.service("curation");
            List<Integer> audits = parallel(lists.size(), i -> direct("carl", "GET", c + "/lists/" + lists.get(i)[0] + "/audit", null, null)
                    .json().path("items").findValuesAsText("action").stream().filter("scheduled_publish"::equals).toList().size());
            Figures.add("scheduler: articles published", events.size());
            Figures.add("scheduler: lists published", audits.size());
            Figures.add("scheduler: published other than exactly once", events.stream().filter(n -> n != 1).count()
                    + audits.stream().filter(n -> n != 1).count());
            assertEquals(Collections.nCopies(articles.size(), 1), events, "one scheduled_publish event per article");
            assertEquals(Collections.nCopies(lists.size(), 1), audits, "one scheduled_publish audit entry per list");
        }
    }

    private static Http.Answer direct(String user, String method, String url, String ifMatch, Object body) {
        return Fixtures.callAt(user, method, url, ifMatch, body);
    }

    private static <T> List<T> parallel(int n, Concurrently.Task<T> task) throws Exception {
        return Concurrently.all(n, 8, task);
    }
}
