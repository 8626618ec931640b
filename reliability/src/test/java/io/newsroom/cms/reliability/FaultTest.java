package io.newsroom.cms.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.devstack.Stack;
import io.newsroom.cms.devstack.testing.TopicRecords;
import io.newsroom.cms.reliability.support.Figures;
import io.newsroom.cms.reliability.support.Fixtures;
import io.newsroom.cms.reliability.support.Http;
import io.newsroom.cms.reliability.support.Load;
import io.newsroom.cms.reliability.support.TrustStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static io.newsroom.cms.reliability.support.Fixtures.call;
import static io.newsroom.cms.reliability.support.Fixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parts taken away while readers and editors keep working: kill -9 and restart of articles (during 100 saves/s: the
 * durability check), authors and curation in turn; PostgreSQL stopped for 10 s; the MongoDB server stopped; Keycloak
 * stopped; Kafka stopped (publishing articles and lists and describing pictures goes on, the events wait in the outboxes and
 * all go out when it is back);
 * kill -9 of media in the middle of an upload (nothing half-made is left: sent again, the picture is taken and every
 * rendition it offers is served); media frozen (taking a library picture is a 503 problem in bounded time, nothing
 * written). Readers of content read before the fault get it (the last good answer, with Age), never a 5xx; content
 * never read before is a 503 problem with Retry-After when it cannot be made; editors get a 503 problem, never a 500
 * or a bodiless 502. After each fault everything works again with no manual step, and no acknowledged save is lost.
 */
@Order(10)
class FaultTest {
    private static final int DURABLE_ARTICLES = 10;
    private static Fixtures fixtures;
    private static final List<String> READ_BEFORE = new ArrayList<>();
    private static final ConcurrentLinkedQueue<String> NEVER_READ = new ConcurrentLinkedQueue<>();
    private static final List<String> EDITED = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        TrustStack.get();
        fixtures = Fixtures.make();
        String g = "/public/v1";
        READ_BEFORE.addAll(List.of(g + "/articles/" + fixtures.publishedSlug, g + "/articles?limit=10", g + "/lists/" + fixtures.listSlug,
                g + "/authors/" + fixtures.authorSlug, g + "/search?q=published", g + "/feed.xml", g + "/sitemap.xml",
                g + "/articles?tag=trust"));
        // a rendition of the fixture picture: immutable, kept by the gateway, so readers get it while media is away
        READ_BEFORE.add(expect(200, call("alice", "GET", "/api/media/" + fixtures.mediaId, null, null)).json()
                .path("renditions").path("original").path("src").asText());
        for (int i = 0; i < 40; i++) {
            Http.Answer created = expect(201, call("alice", "POST", "/api/articles", null, Map.of("headline", "Unread " + fixtures.marker + " " + i,
                    "byline", List.of(fixtures.authorId))));
            Fixtures.transitions(created.json().path("id").asText(), created.header("etag"), "alice:submit", "erin:approve", "erin:publish");
            NEVER_READ.add(g + "/articles/" + created.json().path("slug").asText());
        }
        for (int i = 0; i < 3; i++) {
            EDITED.add(expect(201, call("erin", "POST", "/api/articles", null, Map.of("headline", "Edited under faults " + i,
                    "byline", List.of(fixtures.authorId)))).json().path("id").asText());
        }
        for (String url : READ_BEFORE) {
            expect(200, Http.send(new Http.Call("GET", TrustStack.gateway() + url, Map.of(), null)));
        }
    }

    /** Readers: content read before (never a 5xx), and content never read (200, 404, or a 503 problem with Retry-After). */
    private static void read(Load load) {
        String url = READ_BEFORE.get(ThreadLocalRandom.current().nextInt(READ_BEFORE.size()));
        Http.Answer answer = Http.send(new Http.Call("GET", TrustStack.gateway() + url, Map.of(), null));
        load.count("reads of content read before");
        if (answer.status() >= 500 || answer.status() < 0) {
            load.violation("read-before " + url + " → " + answer);
        } else if (answer.header("age") != null) {
            load.count("stale answers served (with Age)");
        }
        // content never read before, while a part is away (each is read once: then it is content read before)
        if (load.phase().startsWith("fault:") && ThreadLocalRandom.current().nextInt(4) == 0) {
            String unread = NEVER_READ.poll();
            if (unread != null) {
                Http.Answer first = Http.send(new Http.Call("GET", TrustStack.gateway() + unread, Map.of(), null));
                load.count("reads of content never read before");
                if (first.status() == 503) {
                    load.count("503 for content never read before");
                    if (!first.isProblem() || first.header("retry-after") == null) {
                        load.violation("never-read " + unread + " → 503 without problem or Retry-After: " + first);
                    }
                    NEVER_READ.add(unread); // still never read
                } else if (first.status() != 200 && first.status() != 404) {
                    load.violation("never-read " + unread + " → " + first);
                }
            }
        }
    }

    private static final Map<String, String> ETAGS = new ConcurrentHashMap<>();

    /** Editors: save an article (If-Match), read a list draft and an author; 503 problems are fine, 500s and 502s are not. */
    private static void edit(Load load) {
        String id = EDITED.get(ThreadLocalRandom.current().nextInt(EDITED.size()));
        String etag = ETAGS.get(id);
        if (etag == null) {
            Http.Answer current = call("erin", "GET", "/api/articles/" + id, null, null);
            if (!editorAnswerOk(load, "read article", current)) {
                return;
            }
            if (current.status() != 200) {
                return;
            }
            etag = current.header("etag");
        }
        Http.Answer saved = call("erin", "PUT", "/api/articles/" + id, etag, Map.of("headline", "Edited at " + Instant.now(),
                "byline", List.of(fixtures.authorId)));
        if (editorAnswerOk(load, "save article", saved)) {
            if (saved.status() == 200) {
                ETAGS.put(id, saved.header("etag"));
                load.count("editor saves acknowledged");
            } else {
                ETAGS.remove(id);
            }
        }
        editorAnswerOk(load, "read list draft", call("carl", "GET", "/api/lists/" + fixtures.listSlug + "/draft", null, null));
        editorAnswerOk(load, "read author", call("root", "GET", "/api/authors/" + fixtures.authorId, null, null));
    }

    private static boolean editorAnswerOk(Load load, String what, Http.Answer answer) {
        load.count("editor calls");
        if (answer.status() == 503) {
            load.count("editor 503 problems");
            if (!answer.isProblem() || answer.header("retry-after") == null) {
                load.violation(what + " → 503 without problem or Retry-After: " + answer);
                return false;
            }
            return true;
        }
        if (answer.status() < 0 || answer.status() >= 500 || answer.status() >= 400 && !answer.isProblem()) {
            load.violation(what + " → " + answer);
            return false;
        }
        return true;
    }

    @Test
    void everyFaultIsSurvivedAndNoAcknowledgedSaveIsLost() throws Exception {
        Stack stack = TrustStack.get();
        List<String> survived = new ArrayList<>();
        List<String> durable = durableArticles();
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        durable.forEach(id -> acknowledged.put(id, Collections.newSetFromMap(new ConcurrentHashMap<>())));
        // Readers and editors keep calling through every fault, to see each answer while a part is away. They are not
        // a stress test: on 2 cores a heavier load mostly slows the restarts down (the heavy variant keeps it).
        boolean heavy = TrustStack.heavy();
        try (Load load = new Load().run("reader", heavy ? 4 : 2, heavy ? 5 : 25, FaultTest::read)
                .run("editor", heavy ? 2 : 1, heavy ? 20 : 50, FaultTest::edit)) {
            // 1. kill -9 of articles during 100 saves/s
            Load writers = new Load();
            for (String id : durable) {
                writers.run("writer-" + id.substring(0, 4), 1, 0, w -> durableSave(w, id, acknowledged.get(id)));
            }
            Load.sleep(3_000);
            fault(load, "kill -9 articles", () -> stack.kill("articles"), 1_500, () -> stack.restart("articles"));
            Load.sleep(2_000);
            writers.close();
            long acked = acknowledged.values().stream().mapToLong(Set::size).sum();
            long attempts = writers.total("saves attempted");
            Figures.add("durability: saves attempted", attempts);
            Figures.add("durability: saves acknowledged", acked);
            List<String> lost = lostWrites(acknowledged);
            Figures.add("durability: acknowledged saves lost", lost.size());
            System.out.printf("[trust] durability: %d saves attempted around a kill -9 of articles, %d acknowledged, %d lost,"
                    + " %d articles checked for a version without its revision%n", attempts, acked, lost.size(), durable.size());
            assertEquals(List.of(), lost, "acknowledged saves lost");
            assertEquals(List.of(), writers.violations(), "durability writers");
            survived.add(recover(load, "kill -9 articles"));

            fault(load, "kill -9 authors", () -> stack.kill("authors"), 2_000, () -> stack.restart("authors"));
            survived.add(recover(load, "kill -9 authors"));
            fault(load, "kill -9 curation", () -> stack.kill("curation"), 2_000, () -> stack.restart("curation"));
            survived.add(recover(load, "kill -9 curation"));
            // webhooks: an article published while the service is dead reaches a receiver once it is back
            List<String> hooked = new java.util.concurrent.CopyOnWriteArrayList<>();
            com.sun.net.httpserver.HttpServer receiver = receiver(hooked);
            try {
                expect(201, call("root", "POST", "/api/webhooks", null, Map.of("url", "http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook", "events", List.of("article.published"), "kind", "standard")));
                String[] whileDown = new String[1];
                fault(load, "kill -9 webhooks", () -> {
                    stack.kill("webhooks");
                    Http.Answer created = expect(201, call("alice", "POST", "/api/articles", null, Map.of("headline",
                            "Published while webhooks is down", "body", "Text.", "byline", List.of(fixtures.authorId))));
                    whileDown[0] = created.json().path("id").asText();
                    Fixtures.transitions(whileDown[0], created.header("etag"), "alice:submit", "erin:approve", "erin:publish");
                }, 2_000, () -> stack.restart("webhooks"));
                survived.add(recover(load, "kill -9 webhooks"));
                // the killed member leaves the consumer group when its session times out (10 s): then the partitions move on
                Instant back = Instant.now();
                within("webhooks back: the article published while it was down is delivered", Duration.ofSeconds(60),
                        () -> hooked.stream().anyMatch(body -> body.contains(whileDown[0])));
                System.out.printf("[trust] the article published while webhooks was down delivered %.1f s after it was back%n",
                        Duration.between(back, Instant.now()).toMillis() / 1000.0);
            } finally {
                receiver.stop(0);
            }
            // media: an upload cut off by a kill -9 (while it is stored or its renditions are made) leaves nothing half-made
            byte[] photo = photo();
            Http.Answer[] cut = new Http.Answer[1];
            fault(load, "kill -9 media", () -> {
                Thread uploading = new Thread(() -> cut[0] = Fixtures.upload("alice", "cut-" + fixtures.marker + ".jpg", photo, Map.of()));
                uploading.start();
                Load.sleep(400);
                stack.kill("media");
                try {
                    uploading.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (cut[0].status() >= 500 && !(cut[0].status() == 503 && cut[0].isProblem())) {
                    load.violation("an upload cut off by a kill -9 of media → " + cut[0]);
                }
                Http.Answer library = call("alice", "GET", "/api/media?limit=5", null, null);
                if (library.status() != 503 || !library.isProblem()) {
                    load.violation("the library while media is dead → " + library);
                }
            }, 1_500, () -> stack.restart("media"));
            survived.add(recover(load, "kill -9 media"));
            Http.Answer again = Fixtures.upload("alice", "cut-" + fixtures.marker + ".jpg", photo, Map.of());
            assertTrue(again.status() == 201 || again.status() == 200, "the cut-off upload sent again: " + again);
            JsonNode offered = again.json().path("item").path("renditions");
            java.util.Set<String> urls = new java.util.LinkedHashSet<>(); // a shape that is the whole picture lists the original's files
            for (JsonNode shape : offered) {
                for (JsonNode srcset : shape.path("srcset")) {
                    for (String candidate : srcset.asText().split(",")) {
                        urls.add(candidate.trim().split(" ")[0]);
                    }
                }
            }
            int served = 0;
            for (String url : urls) {
                // one the kill interrupted is made on this request, after the picture's other work: meanwhile a
                // 503 problem with Retry-After (as for any content that cannot be made yet), then the picture
                Http.Answer[] last = new Http.Answer[1];
                within("rendition " + url + " of the picture cut off by the kill", Duration.ofSeconds(30), () -> {
                    last[0] = Http.send(new Http.Call("GET", TrustStack.gateway() + url, Map.of(), null));
                    assertTrue(last[0].status() == 200 || last[0].status() == 503 && last[0].isProblem()
                            && last[0].header("retry-after") != null, "rendition " + url + " → " + last[0]);
                    return last[0].status() == 200;
                });
                served++;
            }
            assertTrue(served >= 20, "renditions offered: " + served);
            System.out.printf("[trust] kill -9 of media 0.4 s into an upload (its answer: %d; a 201 means the kill came while its"
                    + " renditions were being made): sent again %d, all %d renditions it offers served%n", cut[0].status(), again.status(), served);
            Figures.add("faults: renditions served after a kill -9 of media mid-upload", served);

            // media frozen (SIGSTOP: it takes connections and answers nothing): taking a library picture for an article,
            // an avatar or a list item is a 503 problem within the services' 2 s usage timeout, never a hang, a 500 or the
            // gateway's 504, and nothing is written; readers and editors not touching pictures go on as before
            String draftBefore = call("carl", "GET", "/api/lists/" + fixtures.listSlug + "/draft", null, null).header("etag");
            List<String> frozenAnswers = new ArrayList<>();
            fault(load, "media frozen", () -> {
                stack.freeze("media");
                Map<String, Http.Answer> picks = new java.util.LinkedHashMap<>();
                Map<String, Long> took = new java.util.LinkedHashMap<>();
                long start = System.nanoTime();
                picks.put("hero", call("alice", "POST", "/api/articles", null, Map.of("headline", "Hero while media is frozen "
                        + fixtures.marker, "byline", List.of(fixtures.authorId), "heroImage", Map.of("mediaId", fixtures.mediaId))));
                took.put("hero", System.nanoTime() - start);
                start = System.nanoTime();
                picks.put("avatar", call("root", "POST", "/api/authors", null, Map.of("displayName", "Avatar while media is frozen "
                        + fixtures.marker, "avatar", Map.of("mediaId", fixtures.mediaId))));
                took.put("avatar", System.nanoTime() - start);
                start = System.nanoTime();
                picks.put("list item", call("carl", "POST", "/api/lists/" + fixtures.listSlug + "/draft/items", draftBefore,
                        Map.of("articleId", fixtures.publishedId, "overrides", Map.of("image", Map.of("mediaId", fixtures.mediaId)))));
                took.put("list item", System.nanoTime() - start);
                picks.forEach((what, answer) -> {
                    long millis = took.get(what) / 1_000_000;
                    frozenAnswers.add(what + " " + answer.status() + " in " + millis + " ms");
                    if (answer.status() != 503 || !answer.isProblem() || millis > 8_000) {
                        load.violation("a " + what + " picture while media is frozen → " + answer + " after " + millis + " ms");
                    }
                });
            }, 500, () -> stack.thaw("media"));
            survived.add(recover(load, "media frozen"));
            assertEquals(draftBefore, call("carl", "GET", "/api/lists/" + fixtures.listSlug + "/draft", null, null).header("etag"),
                    "the list's draft is as it was after the refused pick");
            System.out.printf("[trust] media frozen (SIGSTOP): %s%n", String.join(", ", frozenAnswers));
            Figures.note("faults: library pictures taken while media is frozen", String.join(", ", frozenAnswers));

            fault(load, "PostgreSQL stopped", () -> stack.postgres().stop(), TrustStack.heavy() ? 60_000 : 10_000, () -> stack.postgres().start());
            survived.add(recover(load, "PostgreSQL stopped"));
            fault(load, "MongoDB stopped", stack::stopMongo, TrustStack.heavy() ? 30_000 : 5_000, stack::startMongo);
            survived.add(recover(load, "MongoDB stopped"));
            for (String user : List.of("alice", "erin", "carl", "root")) {
                TrustStack.tokens().refresh(user); // a full lifetime ahead: no login is possible while Keycloak is away
            }
            String newcomer = expect(201, call("root", "POST", "/api/authors", null, Map.of("displayName", "Claimed while Keycloak is away")))
                    .json().path("id").asText();
            fault(load, "Keycloak stopped", () -> {
                stack.stopKeycloak();
                Load.sleep(1_000);
                // a byline claim needs the articles service's own token, which may have to come from Keycloak now:
                // the save goes through on a kept token, or is a 503 problem, never a 500
                Http.Answer claimed = call("alice", "POST", "/api/articles", null, Map.of("headline", "Bylined while Keycloak is away",
                        "byline", List.of(newcomer)));
                load.count(claimed.status() == 201 ? "claims while Keycloak was away: saved" : "claims while Keycloak was away: 503");
                if (claimed.status() != 201 && !(claimed.status() == 503 && claimed.isProblem() && claimed.header("retry-after") != null)) {
                    load.violation("a byline claim while Keycloak is away → " + claimed);
                }
                // tokens are checked with the keys each part keeps: nobody may drop out of service (readiness)
                for (String part : List.of("articles", "authors", "curation", "gateway")) {
                    Http.Answer ready = readiness(part);
                    if (ready.status() != 200) {
                        load.violation(part + " is not ready while Keycloak is away: " + ready);
                    }
                }
            }, TrustStack.heavy() ? 60_000 : 5_000, stack::startKeycloak);
            survived.add(recover(load, "Keycloak stopped"));
            // Kafka away: publishing and taking down go on (their events wait in the outbox), readers get answers
            // (fresh by time again); once it is back every waiting event goes out and the gateway trusts events again
            String[] during = new String[2];
            fault(load, "Kafka stopped", () -> {
                stack.stopKafka();
                Http.Answer created = expect(201, call("alice", "POST", "/api/articles", null, Map.of("headline",
                        "Published while Kafka is away " + fixtures.marker, "byline", List.of(fixtures.authorId))));
                Fixtures.transitions(created.json().path("id").asText(), created.header("etag"), "alice:submit", "erin:approve", "erin:publish");
                during[0] = created.json().path("slug").asText();
                during[1] = created.json().path("id").asText();
                // a featured list published as well: its event waits in curation's outbox (the list's MongoDB document)
                String list = "/api/lists/" + fixtures.listSlug;
                expect(200, call("carl", "POST", list + "/draft/items", Fixtures.etag(list + "/draft"), Map.of("articleId", during[1])));
                expect(200, call("carl", "POST", list + "/publish", Fixtures.etag(list + "/draft"), Map.of()));
                // a picture described in the library: its event waits in media's outbox
                String picture = "/api/media/" + fixtures.mediaId;
                expect(200, call("erin", "PUT", picture, Fixtures.etag(picture), Map.of("altText", "Described while Kafka is away "
                        + fixtures.marker)));
                Http.Answer page = Http.send(new Http.Call("GET", TrustStack.gateway() + "/public/v1/articles/" + during[0], Map.of(), null));
                if (page.status() != 200) {
                    load.violation("an article published while Kafka is away is not readable: " + page);
                }
                for (String part : List.of("articles", "curation", "media", "gateway")) {
                    Http.Answer ready = readiness(part);
                    if (ready.status() != 200) {
                        load.violation(part + " is not ready while Kafka is away: " + ready);
                    } else if (!part.equals("gateway") && ready.body().contains("\"waiting\": 0")) {
                        load.violation(part + " says no event waits while Kafka is away: " + ready.body());
                    }
                }
            }, TrustStack.heavy() ? 30_000 : 5_000, stack::startKafka);
            within("Kafka back: the outbox drained", Duration.ofSeconds(60), () -> readiness("articles").body().contains("\"waiting\": 0"));
            within("Kafka back: the lists' outbox drained", Duration.ofSeconds(60), () -> readiness("curation").body().contains("\"waiting\": 0"));
            within("Kafka back: the pictures' outbox drained", Duration.ofSeconds(60), () -> readiness("media").body().contains("\"waiting\": 0"));
            java.util.function.Predicate<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>> described =
                    found -> found.stream().anyMatch(r -> r.value() != null && r.value().contains("Described while Kafka is away " + fixtures.marker));
            assertTrue(described.test(TopicRecords.read(stack.kafkaBootstrap(), "cms.media.pictures", fixtures.mediaId, described,
                    Duration.ofSeconds(30))), "the picture described while Kafka was away is on its topic");
            // the list published while Kafka was away reached its topic, with the article added then
            java.util.function.Predicate<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>> withTheArticle =
                    found -> found.stream().anyMatch(r -> r.value() != null && r.value().contains(during[1]));
            assertTrue(withTheArticle.test(TopicRecords.read(stack.kafkaBootstrap(), "cms.curation.lists", fixtures.listSlug,
                    withTheArticle, Duration.ofSeconds(30))), "the list published while Kafka was away is on its topic");
            within("Kafka back: the gateway trusts the events again", Duration.ofSeconds(60),
                    () -> readiness("gateway").body().contains("\"freshness\": \"events\""));
            survived.add(recover(load, "Kafka stopped"));
            load.close();
            Figures.add("faults: survived", survived.size());
            Figures.add("faults: reads", load.total("reads of content read before") + load.total("reads of content never read before"));
            Figures.add("faults: stale answers served", load.total("stale answers served (with Age)"));
            Figures.add("faults: 503 for content never read", load.total("503 for content never read before"));
            Figures.add("faults: editor calls", load.total("editor calls"));
            Figures.add("faults: editor 503 problems", load.total("editor 503 problems"));
            Figures.add("faults: 5xx other than 503 problems, or bare errors", load.total("violations"));
            System.out.printf("[trust] a byline claim while Keycloak was away: %s%n",
                    load.total("claims while Keycloak was away: saved") > 0 ? "saved with the kept service token" : "503 problem");
            System.out.printf("[trust] faults survived: all %d (%s); reads %d (stale answers with Age %d, 503 for never-read content %d);"
                            + " editor calls %d (503 problems %d); violations %d%n", survived.size(), String.join(", ", survived),
                    load.total("reads of content read before") + load.total("reads of content never read before"),
                    load.total("stale answers served (with Age)"), load.total("503 for content never read before"),
                    load.total("editor calls"), load.total("editor 503 problems"), load.total("violations"));
            assertEquals(List.of(), load.violations(), "answers readers and editors must never get");
        }
    }

    private static void fault(Load load, String name, Runnable breakIt, long downMillis, Runnable repair) {
        load.phase("fault: " + name);
        Instant start = Instant.now();
        breakIt.run();
        Load.sleep(downMillis);
        repair.run();
        System.out.printf("[trust] fault: %s, back after %.1f s%n", name, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /** A 2400 × 1600 photo-like JPEG (noise over gradients, about 1–2 MB): seconds of rendition work for the media service. */
    private static byte[] photo() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2400, 1600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(fixtures.marker.hashCode());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int noise = random.nextInt(48);
                image.setRGB(x, y, ((x / 10 + noise) & 0xFF) << 16 | ((y / 7 + noise) & 0xFF) << 8 | ((x + y) / 16 + noise) & 0xFF);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A webhook receiver on a free local port that keeps every body it gets and answers 204. */
    private static com.sun.net.httpserver.HttpServer receiver(List<String> bodies) {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Everything works again, with no manual step: ready, fresh public answers, an editor's save. */
    private static String recover(Load load, String name) {
        load.phase("recovery after " + name);
        Instant start = Instant.now();
        for (String part : List.of("articles", "authors", "curation", "webhooks", "media", "gateway")) {
            within(name + ": " + part + " ready", Duration.ofSeconds(60),
                    () -> readiness(part).status() == 200);
        }
        String id = EDITED.get(0);
        within(name + ": an editor's save", Duration.ofSeconds(30), () -> {
            Http.Answer current = call("erin", "GET", "/api/articles/" + id, null, null);
            return current.status() == 200 && call("erin", "PUT", "/api/articles/" + id, current.header("etag"),
                    Map.of("headline", "Recovered from " + name, "byline", List.of(fixtures.authorId))).status() == 200;
        });
        for (String url : READ_BEFORE) {
            within(name + ": fresh " + url, Duration.ofSeconds(30), () -> {
                Http.Answer answer = Http.send(new Http.Call("GET", TrustStack.gateway() + url, Map.of(), null));
                return answer.status() == 200 && answer.header("age") == null && answer.header("warning") == null;
            });
        }
        System.out.printf("[trust] recovered from %s in %.1f s%n", name, Duration.between(start, Instant.now()).toMillis() / 1000.0);
        load.phase("after " + name);
        return name;
    }

    /** A part's readiness answer (its body names what is degraded and how many events wait). */
    private static Http.Answer readiness(String part) {
        return Http.send(new Http.Call("GET", TrustStack.service(part) + "/q/health/ready", Map.of(), null));
    }

    private static void within(String what, Duration limit, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), what + ": not within " + limit.toSeconds() + " s");
            Load.sleep(200);
        }
    }

    // --- durability: 10 writers × ~10 saves/s, each save's headline names it ---

    private static List<String> durableArticles() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DURABLE_ARTICLES; i++) {
            ids.add(expect(201, call("alice", "POST", "/api/articles", null, Map.of("headline", "Durable " + i + " save 0",
                    "byline", List.of(fixtures.authorId)))).json().path("id").asText());
        }
        return ids;
    }

    private static final Map<String, String> DURABLE_ETAGS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> DURABLE_SEQUENCE = new ConcurrentHashMap<>();

    private static void durableSave(Load writer, String id, Set<String> acknowledged) {
        long start = System.nanoTime();
        String etag = DURABLE_ETAGS.get(id);
        if (etag == null) {
            Http.Answer current = call("alice", "GET", "/api/articles/" + id, null, null);
            if (current.status() != 200) {
                Load.sleep(100);
                return;
            }
            etag = current.header("etag");
        }
        int n = DURABLE_SEQUENCE.merge(id, 1, Integer::sum);
        String headline = "Durable " + id.substring(0, 8) + " save " + n;
        writer.count("saves attempted");
        Http.Answer saved = call("alice", "PUT", "/api/articles/" + id, etag, Map.of("headline", headline, "byline", List.of(fixtures.authorId)));
        if (saved.status() == 200) {
            acknowledged.add(headline);
            DURABLE_ETAGS.put(id, saved.header("etag"));
        } else if (saved.status() == 412 || saved.status() == 503) {
            DURABLE_ETAGS.remove(id); // read the current version again before the next save
        } else {
            writer.violation("durable save → " + saved);
        }
        long spent = (System.nanoTime() - start) / 1_000_000;
        Load.sleep(Math.max(0, 100 - spent)); // ~10 saves per second per writer
    }

    /** The n of a durable save's headline "Durable 1a2b3c4d save n". */
    private static int sequence(String headline) {
        return Integer.parseInt(headline.substring(headline.lastIndexOf(' ') + 1));
    }

    /** Acknowledged saves that the article and its revisions no longer account for, and versions without their revision. */
    private static List<String> lostWrites(Map<String, Set<String>> acknowledged) {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : acknowledged.entrySet()) {
            String id = entry.getKey();
            JsonNode article = expect(200, call("root", "GET", "/api/articles/" + id, null, null)).json();
            JsonNode revisions = expect(200, call("root", "GET", "/api/articles/" + id + "/revisions", null, null)).json().path("items");
            // one writer's saves fold into its editing session's revision (only the session's last state is kept):
            // every acknowledged save is counted in a revision, and none is newer than what the article holds
            long counted = 0;
            for (JsonNode r : revisions) {
                counted += r.path("saves").asLong(1);
            }
            if (counted < entry.getValue().size() + 1) { // + the create
                lost.add(id + ": " + entry.getValue().size() + " acknowledged saves but the revisions hold " + counted + " saves");
            }
            int held = sequence(article.path("headline").asText());
            entry.getValue().stream().filter(h -> sequence(h) > held).forEach(h -> lost.add(id + ": acknowledged '" + h + "' is gone"));
            int working = article.path("workingRevision").asInt();
            if (revisions.size() != working) {
                lost.add(id + ": working revision " + working + " but " + revisions.size() + " revisions");
            }
            Http.Answer last = call("root", "GET", "/api/articles/" + id + "/revisions/" + working, null, null);
            if (last.status() != 200 || !last.json().path("headline").asText().equals(article.path("headline").asText())) {
                lost.add(id + ": version " + article.path("version").asLong() + " has no revision " + working + " with its content: " + last);
            }
        }
        return lost;
    }
}
