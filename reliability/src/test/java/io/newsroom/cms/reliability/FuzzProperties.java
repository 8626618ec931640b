package io.newsroom.cms.reliability;

import io.newsroom.cms.reliability.FuzzValues.Mutation;
import io.newsroom.cms.reliability.support.Endpoint;
import io.newsroom.cms.reliability.support.Figures;
import io.newsroom.cms.reliability.support.Fixtures;
import io.newsroom.cms.reliability.support.Http;
import io.newsroom.cms.reliability.support.Requests;
import io.newsroom.cms.reliability.support.StackLogs;
import io.newsroom.cms.reliability.support.TrustStack;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property-based fuzzing (jqwik) of every endpoint of every part, enumerated from the OpenAPI documents. Each try
 * takes one generated mutation (a body, a field, a query parameter, a path segment, a header, the token, or bytes no
 * client library would send) and applies it to a valid request for every endpoint of a part, sent directly to the
 * service or (every other try) through the gateway's editor API. Every answer must be below 500, and every 4xx a problem+json with its status; the fixtures'
 * ETags must be unchanged afterwards (no fuzz request changed data) and a marker in a fresh draft must appear in no
 * public answer. Tries per property: {@code jqwik.tries.default} (junit-platform.properties; heavier runs raise it).
 */
class FuzzProperties {
    private static final String MARKER_PREFIX = "leakcheck";
    private static Fixtures fixtures;
    private static Map<String, String> etagsBefore;
    private static String leakMarker;
    private static final Map<String, List<Endpoint>> ENDPOINTS = new LinkedHashMap<>();
    private static final Map<String, AtomicLong> PER_ENDPOINT = new ConcurrentHashMap<>();
    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong SERVER_ERRORS = new AtomicLong();
    private static final AtomicLong NOT_PROBLEMS = new AtomicLong();
    private static final AtomicLong LEAKS = new AtomicLong();
    /** 503 problems of a service whose dependency did not answer in time, each asked once more. */
    private static final AtomicLong RETRIED_UNAVAILABLE = new AtomicLong();
    private static final List<String> EXTRA_QUERY = List.of("page", "size", "limit", "cursor", "tag", "author", "q", "status", "sort",
            "mine", "changesRequested", "ids", "since", "after", "at", "active", "x");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/json; charset=utf-16",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=nonsense", "*/*", "");

    @BeforeContainer
    static void setUp() {
        TrustStack.get();
        fixtures = Fixtures.make();
        for (String part : List.of("articles", "authors", "curation", "webhooks", "media")) {
            ENDPOINTS.put(part, Endpoint.of(part, TrustStack.service(part)));
        }
        ENDPOINTS.put("gateway", Endpoint.of("gateway", TrustStack.gateway()));
        // a fresh draft whose words must never reach a reader (it shares the published fixture's tag and names it as
        // related, so the published article's related articles would show it if a draft ever got in)
        leakMarker = MARKER_PREFIX + fixtures.marker;
        String secret = Fixtures.expect(201, Fixtures.call("alice", "POST", "/api/articles", null, Map.of("headline", "Secret draft " + leakMarker,
                "dek", "Unpublished " + leakMarker, "body", "Embargoed body " + leakMarker, "tags", List.of(leakMarker, "trust"),
                "byline", List.of(fixtures.authorId), "related", List.of(fixtures.publishedId)))).json().path("id").asText();
        // shared through a preview link (whose token no request here uses): a shared draft is still in no public answer
        Fixtures.expect(201, Fixtures.call("erin", "POST", "/api/articles/" + secret + "/previews", null, Map.of()));
        etagsBefore = fixtures.etags();
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return FuzzValues.mutations();
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void articlesService(@ForAll("mutations") Mutation mutation) {
        attack("articles", mutation);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void authorsService(@ForAll("mutations") Mutation mutation) {
        attack("authors", mutation);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void curationService(@ForAll("mutations") Mutation mutation) {
        attack("curation", mutation);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void webhooksService(@ForAll("mutations") Mutation mutation) {
        attack("webhooks", mutation);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void mediaService(@ForAll("mutations") Mutation mutation) {
        attack("media", mutation);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void publicApi(@ForAll("mutations") Mutation mutation) {
        attack("gateway", mutation);
    }

    @AfterProperty
    void noFuzzRequestChangedAFixture() {
        assertEquals(etagsBefore, fixtures.etags(), "a fuzz request changed a fixture");
    }

    @AfterContainer
    static void noDraftReachesAnyPublicAnswerAndReport() {
        List<String> leaks = new ArrayList<>();
        String g = TrustStack.gateway() + "/public/v1";
        for (String path : List.of("/articles?limit=50", "/articles?tag=" + leakMarker, "/search?q=" + leakMarker, "/search?q=Secret+draft",
                "/feed.xml", "/sitemap.xml", "/lists/" + fixtures.listSlug, "/authors/" + fixtures.authorSlug,
                "/articles?author=" + fixtures.authorSlug + "&limit=50", "/articles/secret-draft-" + leakMarker,
                "/articles/" + fixtures.publishedSlug + "/related?limit=20")) {
            Http.Answer answer = Http.send(new Http.Call("GET", g + path, Map.of(), null));
            if (echoRemoved(answer, path).contains(leakMarker)) {
                leaks.add(path + " → " + answer);
            }
        }
        LEAKS.addAndGet(leaks.size());
        Figures.add("fuzz: requests", SENT.get());
        Figures.add("fuzz: 5xx or no answer", SERVER_ERRORS.get());
        Figures.add("fuzz: 4xx that are not problem+json", NOT_PROBLEMS.get());
        Figures.add("fuzz: draft marker in a public answer", LEAKS.get());
        Figures.add("fuzz: 503 (a dependency slow) asked again", RETRIED_UNAVAILABLE.get());
        long fewest = PER_ENDPOINT.values().stream().mapToLong(AtomicLong::get).min().orElse(0);
        Figures.add("fuzz: endpoints", PER_ENDPOINT.size());
        Figures.add("fuzz: fewest requests to one endpoint", fewest);
        System.out.printf("[trust] fuzzing: %d requests to %d endpoints (at least %d each), 5xx %d, 4xx without problem+json %d,"
                        + " draft marker in public answers %d; %d answers of a slow dependency (503) asked again%n", SENT.get(),
                PER_ENDPOINT.size(), fewest, SERVER_ERRORS.get(), NOT_PROBLEMS.get(), LEAKS.get(), RETRIED_UNAVAILABLE.get());
        assertEquals(List.of(), leaks, "a draft reached a public answer");
    }

    /**
     * The answer's body without the value the request itself named, where a problem names it back ("Tag 'x' not found":
     * the caller's own words, which say nothing of a draft); everything else in it still counts.
     */
    static String echoRemoved(Http.Answer answer, String path) {
        String body = answer.body();
        if (!answer.isProblem()) {
            return body;
        }
        for (String part : path.split("[/?&=]")) {
            if (!part.isEmpty()) {
                body = body.replace("'" + java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8) + "'", "''");
            }
        }
        return body;
    }

    private static final Map<String, AtomicLong> TRIES = new ConcurrentHashMap<>();

    /** One mutation to every endpoint of {@code part}: directly on the service and through the gateway, every other try. */
    private static void attack(String part, Mutation mutation) {
        boolean throughGateway = TRIES.computeIfAbsent(part, p -> new AtomicLong()).incrementAndGet() % 2 == 0;
        List<CompletableFuture<String>> checks = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS.get(part)) {
            String base = part.equals("gateway") ? TrustStack.gateway()
                    : throughGateway && !endpoint.internal() ? TrustStack.gateway() + "/api" : TrustStack.service(part);
            checks.add(send(endpoint, mutate(endpoint, mutation, base)));
        }
        List<String> failures = new ArrayList<>();
        checks.forEach(c -> {
            String failure = c.join();
            if (failure != null) {
                failures.add(failure);
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " bad answer(s) to " + mutation + ":\n" + String.join("\n", failures));
        }
    }

    private static CompletableFuture<String> send(Endpoint endpoint, Http.Call call) {
        SENT.incrementAndGet();
        PER_ENDPOINT.computeIfAbsent(endpoint.toString(), k -> new AtomicLong()).incrementAndGet();
        CompletableFuture<Http.Answer> answer = sendOnce(call).thenCompose(first -> {
            if (!dependencyAway(first)) {
                return CompletableFuture.completedFuture(first);
            }
            // "the authors service cannot check the byline right now": a service that waited too long for another on
            // busy cores says so, as it should. The same request once more, 2 s later: an input that breaks something
            // answers 5xx again and fails; a passing slowness does not
            RETRIED_UNAVAILABLE.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS))
                    .thenCompose(ignored -> sendOnce(call));
        });
        return answer.thenApply(a -> {
            if (a.status() < 0 || a.status() >= 500) {
                SERVER_ERRORS.incrementAndGet();
                return "  " + call + "\n    → " + a + StackLogs.entryFor(a.body());
            }
            if (a.status() >= 400 && (!a.isProblem() || !a.body().contains("\"status\":" + a.status())) && !previewPageFor(endpoint, call, a)) {
                NOT_PROBLEMS.incrementAndGet();
                return "  " + call + "\n    → not a problem: " + a;
            }
            if (endpoint.part().equals("gateway") && a.body().contains(leakMarker)) {
                LEAKS.incrementAndGet();
                return "  " + call + "\n    → a draft reached readers: " + a;
            }
            return null;
        });
    }

    private static CompletableFuture<Http.Answer> sendOnce(Http.Call call) {
        return call.headers().containsKey("X-Raw") ? CompletableFuture.supplyAsync(() -> Http.raw(call)) : Http.sendAsync(call);
    }

    /** A 503 problem saying a service on which this one depends did not answer in time (not a crash, not a 500). */
    static boolean dependencyAway(Http.Answer answer) {
        return answer.status() == 503 && answer.isProblem() && answer.body().contains("/problems/service-unavailable");
    }

    /**
     * A preview link's page answers a browser (Accept: text/html) with an HTML page, the same 404 page for every link
     * that opens nothing (README: preview links); any other client gets problem+json like everywhere else.
     */
    static boolean previewPageFor(Endpoint endpoint, Http.Call call, Http.Answer answer) {
        String accept = call.headers().getOrDefault("Accept", "");
        String type = answer.header("content-type");
        return endpoint.key().equals("GET /preview/{token}") && accept.contains("text/html") && type != null
                && type.startsWith("text/html") && (answer.status() == 404 || answer.status() == 503)
                && "private, no-store".equals(answer.header("cache-control"));
    }

    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}");
    private static final Pattern PLAUSIBLE_ETAG = Pattern.compile("\\s*(W/)?\"\\d{1,6}\"\\s*");
    private static final String PLACEHOLDER = "\"__fuzz__\"";

    /** The valid request for {@code endpoint} with {@code m} applied. */
    static Http.Call mutate(Endpoint endpoint, Mutation m, String base) {
        String caller = endpoint.part().equals("gateway") ? null : Requests.caller(endpoint);
        Map<String, Object> body = Requests.body(endpoint, fixtures);
        String path = Requests.path(endpoint, fixtures);
        Map<String, String> query = new LinkedHashMap<>(Requests.requiredQuery(endpoint, fixtures));
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller != null) {
            headers.put("Authorization", TrustStack.bearer(caller));
        }
        headers.put("If-Match", Requests.STALE);
        String text = body == null ? null : Http.json(body);
        boolean takesBody = body != null || endpoint.body();
        Mutation.Kind kind = m.kind();
        if ((kind == Mutation.Kind.BODY || kind == Mutation.Kind.FIELD) && !takesBody) {
            kind = Mutation.Kind.QUERY; // nothing to mutate in a body: mutate the query instead
        }
        switch (kind) {
            case BODY -> text = m.value();
            case FIELD -> text = withField(body == null ? Map.of() : body, m);
            case QUERY -> {
                List<String> names = new ArrayList<>(endpoint.queryParams());
                names.addAll(EXTRA_QUERY);
                query.put(names.get(m.pick() % names.size()), encode(m.value()));
            }
            case PATH -> {
                Matcher params = PATH_PARAM.matcher(endpoint.path());
                List<int[]> spans = new ArrayList<>();
                while (params.find()) {
                    spans.add(new int[]{params.start(), params.end()});
                }
                if (spans.isEmpty()) {
                    path = path + "/" + encode(m.value());
                } else {
                    int[] span = spans.get(m.pick() % spans.size());
                    path = Requests.path(new Endpoint(endpoint.part(), endpoint.method(),
                            endpoint.path().substring(0, span[0]) + "\u0001" + endpoint.path().substring(span[1]), endpoint.queryParams(),
                            endpoint.requiredQuery(), endpoint.body()), fixtures).replace("\u0001", encode(m.value()));
                }
            }
            case HEADER -> {
                // control characters in header values, and headers over 64 KB, are refused by the HTTP codec itself
                // (README: what the HTTP layer still answers bare); up to 48 KB reaches our parts (431 above 32 KB)
                String value = headerSized(m.value().replaceAll("[\\p{Cntrl}]", ""));
                switch (m.pick() % 5) {
                    // a version a fixture may really have would make a real change: those stay stale
                    case 0 -> headers.put("If-Match", PLAUSIBLE_ETAG.matcher(value).matches() ? Requests.STALE : value);
                    case 1 -> headers.put("If-None-Match", value);
                    case 2 -> headers.put("Content-Type", CONTENT_TYPES.get(m.pick() % CONTENT_TYPES.size()));
                    case 3 -> headers.put("Accept", value.isEmpty() ? "text/html" : value);
                    default -> headers.put("X-Request-Id", value);
                }
            }
            case TOKEN -> {
                String token = caller == null ? TrustStack.tokens().of("erin") : TrustStack.bearer(caller).substring(7);
                String junk = headerSized(m.value().replaceAll("[\\p{Cntrl}]", ""));
                headers.put("Authorization", switch (m.pick() % 4) {
                    case 0 -> "Bearer " + junk;
                    case 1 -> "Bearer " + token + junk;
                    case 2 -> "Bearer " + junk + token;
                    default -> junk;
                });
            }
            case RAW -> {
                // bytes as they come, no encoding; whitespace (which Java counts 0x1c-0x1f among) would end the request
                // line in the HTTP codec, before any part of ours sees it
                String raw = urlSized(m.value().replaceAll("[\\s\\u001c-\\u001f]", ""));
                headers.put("X-Raw", "1");
                if (m.pick() % 2 == 0) {
                    path = path + "/" + raw;
                } else {
                    query.put(EXTRA_QUERY.get(m.pick() % EXTRA_QUERY.size()), raw);
                }
            }
            default -> {
            }
        }
        if (text != null) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        StringBuilder url = new StringBuilder(base).append(path);
        query.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
        return new Http.Call(endpoint.method(), url.toString(), headers, text);
    }

    /** The body with one field (or an added one) set to the fuzz value, written as the raw JSON text it is. */
    private static String withField(Map<String, Object> body, Mutation m) {
        List<List<String>> paths = new ArrayList<>();
        collect(body, new ArrayList<>(), paths);
        paths.add(List.of("unexpected"));
        List<String> target = paths.get(m.pick() % paths.size());
        Map<String, Object> copy = deepCopy(body);
        Map<String, Object> at = copy;
        for (int i = 0; i < target.size() - 1; i++) {
            @SuppressWarnings("unchecked") Map<String, Object> next = (Map<String, Object>) at.get(target.get(i));
            at = next;
        }
        at.put(target.get(target.size() - 1), "__fuzz__");
        return Http.json(copy).replace(PLACEHOLDER, m.value());
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> map, List<String> prefix, List<List<String>> out) {
        map.forEach((k, v) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(k);
            out.add(path);
            if (v instanceof Map<?, ?> nested) {
                collect((Map<String, Object>) nested, path, out);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested) : v));
        return copy;
    }

    /**
     * Percent-encoded, at most {@link #URL_VALUE_LIMIT} characters of it: longer request lines are refused by the HTTP
     * codec itself with a bare 414, before any part of ours runs (README: what the HTTP layer still answers bare).
     */
    private static String encode(String value) {
        return urlSized(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static final int URL_VALUE_LIMIT = 16 * 1024;

    private static String headerSized(String value) {
        return value.length() <= 48 * 1024 ? value : value.substring(0, 48 * 1024);
    }

    private static String urlSized(String value) {
        if (value.length() <= URL_VALUE_LIMIT) {
            return value;
        }
        int cut = URL_VALUE_LIMIT;
        if (value.charAt(cut - 1) == '%') {
            cut -= 1; // never in the middle of an escape
        } else if (value.charAt(cut - 2) == '%') {
            cut -= 2;
        }
        return value.substring(0, cut);
    }
}
