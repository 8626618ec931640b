package io.newsroom.cms.devstack.bench;

import io.newsroom.cms.devstack.GatewayClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Publish → visible through every gateway replica, with the replicas' caches holding the article (event-fresh-for
 * well above a minute): N articles are published and read through each gateway (now cached there), then each is
 * edited and published again, and the time from the publish call's answer until every gateway serves the new headline
 * is taken (polled every 5 ms); then each is unpublished and the time until every gateway answers 404.
 * Usage: BenchEvents ISSUER N GATEWAY_URL...   (the first gateway takes the editor's calls)
 */
public final class BenchEvents {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BenchEvents() {
    }

    public static void main(String[] args) throws Exception {
        String issuer = args[0];
        int n = Integer.parseInt(args[1]);
        List<String> gateways = Arrays.asList(args).subList(2, args.length);
        GatewayClient api = new GatewayClient(gateways.get(0), issuer);
        String author = BenchSeed.authorId(api);
        List<String[]> articles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String slug = "bench-event-" + i + "-" + Long.toString(System.nanoTime(), 36);
            String first = "Event bench " + i;
            HttpResponse<String> created = api.expect(201, "POST", "/api/articles", "alice", null,
                    Map.of("slug", slug, "headline", first, "body", "Text " + i + ".", "byline", List.of(author)));
            String id = GatewayClient.id(created);
            api.transitions(id, GatewayClient.etag(created), new String[]{"alice", "submit"}, new String[]{"erin", "approve"},
                    new String[]{"erin", "publish"});
            for (String gateway : gateways) {
                waitFor(gateway, slug, body -> body.contains(first), 200);
            }
            articles.add(new String[]{id, slug});
        }
        long[] republish = new long[n];
        long[] takedown = new long[n];
        for (int i = 0; i < n; i++) {
            String id = articles.get(i)[0];
            String slug = articles.get(i)[1];
            String headline = "Event bench " + i + ", corrected";
            HttpResponse<String> current = api.expect(200, "GET", "/api/articles/" + id, "erin", null, null);
            HttpResponse<String> edited = api.expect(200, "PUT", "/api/articles/" + id, "erin", GatewayClient.etag(current),
                    Map.of("slug", slug, "headline", headline, "body", "Text " + i + ", corrected.", "byline", List.of(author)));
            api.transitions(id, GatewayClient.etag(edited), new String[]{"erin", "submit"}, new String[]{"erin", "approve"},
                    new String[]{"erin", "publish"});
            long start = System.nanoTime();
            for (String gateway : gateways) {
                waitFor(gateway, slug, body -> body.contains(headline), 200);
            }
            republish[i] = (System.nanoTime() - start) / 1_000;
        }
        for (int i = 0; i < n; i++) {
            String id = articles.get(i)[0];
            HttpResponse<String> current = api.expect(200, "GET", "/api/articles/" + id, "erin", null, null);
            api.transitions(id, GatewayClient.etag(current), new String[]{"erin", "unpublish"});
            long start = System.nanoTime();
            for (String gateway : gateways) {
                waitFor(gateway, articles.get(i)[1], body -> true, 404);
            }
            takedown[i] = (System.nanoTime() - start) / 1_000;
        }
        System.out.println("| change | count | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(row("republished: new headline through all " + gateways.size() + " gateways", republish));
        System.out.println(row("unpublished: 404 through all " + gateways.size() + " gateways", takedown));
    }

    private static void waitFor(String gateway, String slug, java.util.function.Predicate<String> seen, int status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/public/v1/articles/" + slug)).GET().build();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == status && seen.test(response.body())) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException(gateway + " never showed " + slug + " as expected (last: " + response.statusCode() + ")");
            }
            Thread.sleep(5);
        }
    }

    private static String row(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format("| %s | %d | %s | %s | %s | %s |", what, sorted.length, ms(sorted, 0.5), ms(sorted, 0.9), ms(sorted, 0.99),
                ms(sorted, 1.0));
    }

    private static String ms(long[] sorted, double q) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return String.format("%.0f ms", sorted[Math.max(0, index)] / 1000.0);
    }
}
