package io.newsroom.cms.devstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.devstack.GatewayClient;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark data through the real editor API: {@code published N} grows the number of published articles to N
 * (each created by alice, approved and published by erin); {@code drafts N file} creates N drafts owned by alice and
 * writes "id etag slug" lines for the save benchmark.
 * Usage: BenchSeed GATEWAY ISSUER published|drafts N [file]
 */
public final class BenchSeed {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchSeed() {
    }

    public static void main(String[] args) throws Exception {
        GatewayClient api = new GatewayClient(args[0], args[1]);
        int target = Integer.parseInt(args[3]);
        String author = authorId(api);
        if (args[2].equals("drafts")) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < target; i++) {
                String slug = "bench-save-" + System.nanoTime();
                HttpResponse<String> created = api.expect(201, "POST", "/api/articles", "alice", null, article(slug, author, i));
                lines.add(GatewayClient.id(created) + " " + created.headers().firstValue("ETag").orElseThrow()
                        + " " + slug);
            }
            Files.write(Path.of(args[4]), lines);
            return;
        }
        int existing = countPublished(api);
        int missing = Math.max(0, target - existing);
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            int n = existing + i;
            jobs.add(pool.submit(() -> {
                String slug = "bench-" + n + "-" + Long.toString(System.nanoTime(), 36);
                HttpResponse<String> created = api.expect(201, "POST", "/api/articles", "alice", null, article(slug, author, n));
                api.transitions(GatewayClient.id(created), GatewayClient.etag(created), new String[]{"alice", "submit"},
                        new String[]{"erin", "approve"}, new String[]{"erin", "publish"});
                int d = done.incrementAndGet();
                if (d % 500 == 0) {
                    System.out.printf("  %d/%d published (%.0f/s)%n", d, missing, d / ((System.nanoTime() - start) / 1e9));
                }
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        System.out.printf("%d published articles (%d added in %.1f s)%n", countPublished(api), missing, (System.nanoTime() - start) / 1e9);
    }

    private static Map<String, Object> article(String slug, String author, int n) {
        return Map.of("slug", slug, "headline", "Benchmark article " + n + ": markets, chips and clouds",
                "dek", "A standfirst of ordinary length for benchmark article " + n + ".",
                "body", String.join("\n\n", Collections.nCopies(6, "A paragraph of ordinary news prose about supply chains, "
                        + "data centres and the people who run them, long enough to look like a real article body.")),
                "tags", List.of("bench", "tag" + (n % 20)), "byline", List.of(author),
                "heroImage", Map.of("url", "https://images.newsroom.example/bench/" + n + ".jpg", "alt", "Benchmark image " + n));
    }

    static String authorId(GatewayClient api) throws Exception {
        HttpResponse<String> found = api.expect(200, "GET", "/api/authors?q=jane-doe", "root", null, null);
        var items = JSON.readTree(found.body()).path("items");
        if (items.size() > 0) {
            return items.get(0).path("id").asText();
        }
        HttpResponse<String> created = api.expect(201, "POST", "/api/authors", "root", null,
                Map.of("slug", "jane-doe", "displayName", "Jane Doe"));
        return GatewayClient.id(created);
    }

    private static int countPublished(GatewayClient api) throws Exception {
        int count = 0;
        String cursor = null;
        do {
            HttpResponse<String> page = api.expect(200, "GET", "/public/v1/articles?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), null, null, null);
            var node = JSON.readTree(page.body());
            count += node.path("items").size();
            cursor = node.path("nextCursor").isNull() || node.path("nextCursor").isMissingNode() ? null : node.path("nextCursor").asText();
        } while (cursor != null);
        return count;
    }
}
