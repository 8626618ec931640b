import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.devstack.GatewayClient;
import io.newsroom.cms.devstack.Stack;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Revisions per hour of typing: one person types into one article through the editor API as the editor app does
 * (a PUT of the whole, growing article with If-Match after every typing pause), for a few minutes of real time, and
 * the article's revision rows are counted and measured in PostgreSQL.
 *
 * <p>The person (seeded, so every run types the same): a burst of 2-7 words, then a pause of 1.3 s (the editor app
 * saves 1.2 s after the last keystroke) and the save; every 45 saves a 20 s pause (reading, thinking); every 60
 * saves a workflow step (submit, then at the next step request_changes with a comment). What is measured is what
 * the typing adds: the created revision and the empty table are counted out.
 *
 * <p>Runs its own stack (free ports, its own databases {@code *_bench_revisions}, dropped before and after) from the
 * folder {@code REPO_ROOT} (built quarkus-app jars and deploy/keycloak, see run), so another running stack is untouched.
 * Usage: {@code java -cp DEVSTACK_CP bench/revisions/RevisionBench.java REPO_ROOT SECONDS LABEL OUT_FILE}
 */
public class RevisionBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = "_bench_revisions";
    private static final String[] WORDS = ("the minister said on tuesday that budget talks would resume next week after"
            + " officials from both parties met in the capital to discuss spending cuts and tax rises while unions"
            + " warned of strikes if public sector pay stayed frozen for another year according to documents seen by"
            + " reporters who asked not to be named because negotiations were continuing").split(" ");

    public static void main(String[] args) {
        try {
            measureTyping(args);
        } catch (Throwable e) {
            e.printStackTrace(); // the source launcher would hide it (it trims the stack trace)
            System.exit(1);
        }
    }

    private static void measureTyping(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        long seconds = Long.parseLong(args[1]);
        String label = args[2];
        Path out = Path.of(args[3]);
        System.setProperty("cms.db.suffix", SUFFIX); // Env: CMS_DB_SUFFIX, the benchmark's own databases
        Path state = Files.createTempDirectory("cms-bench-revisions-");
        Stack.Options options = new Stack.Options(root, state.resolve("data"), state.resolve("logs"), Stack.Ports.free(), true);
        dropDatabases(options);
        Stack stack = Stack.start(options);
        try {
            String report = run(stack, seconds, label);
            System.out.println(report);
            Files.writeString(out, report);
        } finally {
            stack.close();
            dropDatabases(options);
        }
    }

    private static String run(Stack stack, long seconds, String label) throws Exception {
        GatewayClient api = new GatewayClient(stack.gatewayUrl(), stack.issuer());
        String author = GatewayClient.id(api.expect(201, "POST", "/api/authors", "root", null,
                Map.of("slug", "jane-doe-" + System.nanoTime(), "displayName", "Jane Doe")));
        Random random = new Random(42);
        StringBuilder body = new StringBuilder();
        // an article already under way: ~3 KB of earlier paragraphs
        while (body.length() < 3000) {
            body.append(words(random, 40)).append(".\n\n");
        }
        Map<String, Object> article = new HashMap<>(Map.of("headline", "Budget talks resume", "dek", "Ministers meet again.",
                "body", body.toString(), "tags", List.of("politics"), "byline", List.of(author)));
        HttpResponse<String> created = api.expect(201, "POST", "/api/articles", "erin", null, article);
        String id = GatewayClient.id(created);
        String etag = GatewayClient.etag(created);
        article.put("slug", JSON.readTree(created.body()).path("slug").asText());

        long[] before = measure(stack, id);
        int revisionsBefore = JSON.readTree(api.expect(200, "GET", "/api/articles/" + id + "/revisions", "erin", null, null).body())
                .path("items").size();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int saves = 0;
        int steps = 0;
        int longPauses = 0;
        boolean submitted = false;
        while (System.nanoTime() < end) {
            body.append(words(random, 2 + random.nextInt(6))).append(random.nextInt(5) == 0 ? ".\n\n" : " ");
            Thread.sleep(1300);
            article.put("body", body.toString());
            etag = GatewayClient.etag(api.expect(200, "PUT", "/api/articles/" + id, "erin", etag, article));
            saves++;
            if (saves % 60 == 0) {
                String action = submitted ? "request_changes" : "submit";
                Map<String, Object> step = submitted ? Map.of("action", action, "comment", "Tighten the second paragraph")
                        : Map.of("action", action);
                etag = GatewayClient.etag(api.expect(200, "POST", "/api/articles/" + id + "/transitions", "erin", etag, step));
                submitted = !submitted;
                steps++;
            }
            if (saves % 45 == 0 && System.nanoTime() + 20_000_000_000L < end) {
                Thread.sleep(20_000);
                longPauses++;
            }
        }
        double hours = (System.nanoTime() - start) / 3.6e12;

        JsonNode revisions = JSON.readTree(api.expect(200, "GET", "/api/articles/" + id + "/revisions", "erin", null, null).body())
                .path("items");
        long[] after = measure(stack, id);
        long[] stored = {after[0] - before[0], after[1] - before[1]};
        int revisionCount = revisions.size() - revisionsBefore;
        List<String> sessions = new ArrayList<>();
        revisions.forEach(r -> sessions.add(r.path("number").asInt() + ":" + (r.has("saves") ? r.path("saves").asInt() : 1)));
        return String.format("""
                        %s: %d s of typing (%.3f h), %d saves, %d long pauses, %d workflow steps, body %d → %d chars
                        new revisions: %d (%.0f per hour of typing, extrapolated linearly)
                        revision content bytes added (sum of octet_length of the stored columns): %d (%.0f per hour)
                        article_revision growth (pg_total_relation_size with indexes and TOAST, after VACUUM): %d (%.0f per hour)
                        revisions (number:saves, newest first): %s
                        """, label, seconds, hours, saves, longPauses, steps, 3000, body.length(), revisionCount,
                revisionCount / hours, stored[0], stored[0] / hours, stored[1], stored[1] / hours, String.join(" ", sessions));
    }

    /** Content bytes of the article's stored revisions, and the size of the whole revision table with its indexes and TOAST. */
    private static long[] measure(Stack stack, String id) throws Exception {
        String url = stack.postgres().jdbcUrl("articles" + SUFFIX);
        try (Connection c = DriverManager.getConnection(url, stack.postgres().user(), stack.postgres().password());
             Statement s = c.createStatement()) {
            s.execute("vacuum article_revision");
            long content;
            try (ResultSet r = s.executeQuery("select coalesce(sum(octet_length(slug) + octet_length(headline)"
                    + " + coalesce(octet_length(dek), 0) + octet_length(body) + coalesce(octet_length(hero_url), 0)"
                    + " + coalesce(octet_length(hero_alt), 0) + coalesce(octet_length(hero_caption), 0)"
                    + " + coalesce(octet_length(hero_credit), 0) + octet_length(tags::text) + octet_length(byline::text)), 0)"
                    + " from article_revision where article_id = '" + id + "'")) {
                r.next();
                content = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery("select pg_total_relation_size('article_revision')")) {
                r.next();
                return new long[]{content, r.getLong(1)};
            }
        }
    }

    private static void dropDatabases(Stack.Options options) {
        for (String db : List.of("articles", "authors")) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + db + SUFFIX + " with (force)");
            } catch (Exception e) {
                System.err.println("could not drop " + db + SUFFIX + ": " + e.getMessage());
            }
        }
    }

    private static String words(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }
}
