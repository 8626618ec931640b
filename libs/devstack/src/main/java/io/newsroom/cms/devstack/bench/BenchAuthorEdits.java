package io.newsroom.cms.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.devstack.GatewayClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An author's edit → visible on every article of theirs through every gateway replica (issue 17). A new author is put
 * on the byline of K articles (published the way {@link BenchEvents} publishes), each read once through every gateway
 * (now cached there); then the author's jobTitle is changed N times, one edit after the other, and for each edit the
 * time from just before the PUT until all K articles show the new jobTitle ({@code authors[0].jobTitle}) through every
 * gateway is taken: every (article, gateway) pair not yet seen is read in turn, then 10 ms of sleep, until none is left.
 * Path of an edit: authors outbox → {@code cms.authors.profiles} → the articles service rewrites each article →
 * {@code cms.articles.published} → each gateway replaces its cached answer.
 * Usage: BenchAuthorEdits ISSUER K N GATEWAY_URL...   (the first gateway takes the editors' calls)
 */
public final class BenchAuthorEdits {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** What an admin may send back in a replace (AuthorRequest); the GET answer has more. */
    private static final List<String> WRITABLE = List.of("slug", "displayName", "jobTitle", "organization", "bio", "avatar",
            "social", "email", "username", "active");

    private BenchAuthorEdits() {
    }

    public static void main(String[] args) throws Exception {
        String issuer = args[0];
        int k = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        List<String> gateways = Arrays.asList(args).subList(3, args.length);
        GatewayClient api = new GatewayClient(gateways.get(0), issuer);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String author = GatewayClient.id(api.expect(201, "POST", "/api/authors", "root", null,
                Map.of("slug", "bench-byline-" + run, "displayName", "Bench Byline " + run, "jobTitle", "Reporter")));
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String slug = "bench-author-" + i + "-" + Long.toString(System.nanoTime(), 36);
            HttpResponse<String> created = api.expect(201, "POST", "/api/articles", "alice", null,
                    Map.of("slug", slug, "headline", "Author bench " + i, "body", "Text " + i + ".", "byline", List.of(author)));
            api.transitions(GatewayClient.id(created), GatewayClient.etag(created), new String[]{"alice", "submit"},
                    new String[]{"erin", "approve"}, new String[]{"erin", "publish"});
            slugs.add(slug);
        }
        // every article read through every gateway once it is there: cached from now on (and showing "Reporter")
        waitUntilAll(gateways, slugs, "Reporter", Duration.ofSeconds(30));
        long[] micros = new long[n];
        for (int e = 0; e < n; e++) {
            String jobTitle = "Bench editor " + run + " #" + e;
            HttpResponse<String> current = api.expect(200, "GET", "/api/authors/" + author, "root", null, null);
            JsonNode view = JSON.readTree(current.body());
            Map<String, Object> profile = new LinkedHashMap<>();
            for (String field : WRITABLE) {
                if (view.has(field) && !view.get(field).isNull()) {
                    profile.put(field, JSON.treeToValue(view.get(field), Object.class));
                }
            }
            profile.put("jobTitle", jobTitle);
            long start = System.nanoTime();
            api.expect(200, "PUT", "/api/authors/" + author, "root", GatewayClient.etag(current), profile);
            waitUntilAll(gateways, slugs, jobTitle, Duration.ofSeconds(30));
            micros[e] = (System.nanoTime() - start) / 1_000;
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.println("| author edit → new jobTitle on all " + k + " articles through all " + gateways.size()
                + " gateways | edits | p50 | p95 | max |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| one edit at a time, %d articles × %d gateways polled round-robin (10 ms between rounds) | %d | %s | %s | %s |%n",
                k, gateways.size(), n, ms(sorted, 0.5), ms(sorted, 0.95), ms(sorted, 1.0));
        StringBuilder each = new StringBuilder();
        for (long m : micros) {
            each.append(each.length() == 0 ? "" : ", ").append(Math.round(m / 1000.0));
        }
        System.out.println();
        System.out.println("Each edit in order (ms): " + each + ".");
    }

    /** Reads every (article, gateway) pair not yet showing {@code jobTitle} in turn, then sleeps 10 ms, until none is left. */
    private static void waitUntilAll(List<String> gateways, List<String> slugs, String jobTitle, Duration timeout) throws Exception {
        List<URI> left = new ArrayList<>();
        for (String slug : slugs) {
            for (String gateway : gateways) {
                left.add(URI.create(gateway + "/public/v1/articles/" + slug));
            }
        }
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            String last = "";
            for (var it = left.iterator(); it.hasNext(); ) {
                URI uri = it.next();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && jobTitle.equals(JSON.readTree(response.body()).path("authors").path(0).path("jobTitle").asText(null))) {
                    it.remove();
                } else {
                    last = uri + " answered " + response.statusCode();
                }
            }
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException(left.size() + " article reads never showed jobTitle " + jobTitle + " (last: " + last + ")");
            }
            Thread.sleep(10);
        }
    }

    private static String ms(long[] sorted, double q) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return String.format("%.0f ms", sorted[Math.max(0, index)] / 1000.0);
    }
}
