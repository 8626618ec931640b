import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Issue 19's listings benchmark driver (see bench/listings/run): seeds the articles service's published read model
 * directly with rows shaped like the service's own, writes the URL lists wrk reads at random, and prints the plans.
 *
 * <ul>
 *   <li>{@code templates SERVICE FAKE_PORT KEY.pem WORK}: 30 sections through the editor API ({@code /sections}) and
 *       three articles published through it ({@code /articles}, submit → approve → publish), with tokens this driver
 *       signs itself, served with OIDC discovery and the key set by a stand-in for Keycloak, and for the authors service
 *       and the token endpoint on FAKE_PORT (byline claims, the changes feed, client credentials). No Keycloak, no
 *       Kafka, no other service: the rows are written by the service's own code, then used as templates.</li>
 *   <li>{@code seed JDBC TOTAL WORK}: grows the published articles to TOTAL: generated rows (slug, headline, dek, body
 *       from a 5,000-word vocabulary with Zipf frequencies, 1–5 of 200 tags Zipf-weighted, a primary section and in
 *       25 % a secondary one, published_at spread over 3 years) are COPYed into a staging table, and every column of
 *       {@code article} and {@code published_article} not generated here is taken from the template row; the JSON
 *       ({@code item}, {@code document}, {@code summary}) is the template's with the article's fields put in, written
 *       with Jackson as the service writes it; {@code published_article_section} gets the direct sections and their
 *       ancestors, as {@code PublishedViews.fileUnderSections} does.</li>
 *   <li>{@code urls SERVICE JDBC WORK}: URL lists (5,000 each, random values) for the five cases, and WORK/items.tsv (items per answer, % empty,
 *       over 200 of each); checks whether the
 *       service filters by {@code from}/{@code to} (writes WORK/range-unsupported.txt with the reason when not).</li>
 *   <li>{@code capture JDBC CASE WORK}: the statement the service ran last on its reactive connections (read from
 *       pg_stat_activity right after a case's run), to WORK/query-CASE.sql.</li>
 *   <li>{@code explain JDBC WORK LABEL MODES}: EXPLAIN (ANALYZE, BUFFERS) of each captured statement, prepared as the
 *       service prepares it, with a common and a rare value; MODES: custom,generic (plan_cache_mode).</li>
 * </ul>
 */
public class ListingsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long SEED = 19;
    static final int TAGS = 200;
    static final int VOCABULARY = 5000;
    /** The time span the articles are spread over: three years up to the day the model is made (midnight UTC). */
    static final Instant END = Instant.now().truncatedTo(ChronoUnit.DAYS);
    static final Instant START = END.minus(3 * 365, ChronoUnit.DAYS);
    static final String[][] TREE = {
            {"news", "world", "politics", "economy", "science"},
            {"business", "markets", "companies", "energy", "retail"},
            {"technology", "cloud", "ai", "security", "gadgets"},
            {"sport", "football", "tennis", "cycling", "athletics"},
            {"culture", "film", "music", "books", "arts"},
            {"opinion", "columns", "editorials", "letters", "analysis"}};

    public static void main(String[] args) {
        try {
            switch (args[0]) {
                case "templates" -> templates(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
                case "seed" -> seed(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
                case "urls" -> urls(args[1], args[2], Path.of(args[3]));
                case "capture" -> capture(args[1], args[2], Path.of(args[3]));
                case "explain" -> explain(args[1], Path.of(args[2]), args[3], args[4]);
                default -> throw new IllegalArgumentException(args[0]);
            }
            System.exit(0); // the stand-in's threads
        } catch (Throwable e) {
            e.printStackTrace(); // the source launcher would trim it
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- the model: words, tags, sections

    /** Pronounceable made-up words (the english stemmer treats them as it treats words), ranked by frequency. */
    static List<String> vocabulary() {
        String[] onsets = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pr", "r",
                "s", "st", "t", "tr", "v", "w", "z"};
        String[] vowels = {"a", "e", "i", "o", "u", "ai", "ou"};
        String[] codas = {"", "n", "r", "l", "m", "t", "x", "nd", "rk"};
        Random r = new Random(SEED);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < VOCABULARY) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + r.nextInt(2);
            for (int i = 0; i < syllables; i++) {
                w.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]);
            }
            w.append(codas[r.nextInt(codas.length)]);
            words.add(w.toString());
        }
        return new ArrayList<>(words);
    }

    static List<String> tags(List<String> vocabulary) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < TAGS; i++) {
            tags.add(vocabulary.get(VOCABULARY - 1 - i) + "-" + i); // rare words: a tag is not a search hit by itself
        }
        return tags;
    }

    /** Ranks 0..n-1 with probability ∝ 1/(rank+1)^s. */
    static final class Zipf {
        final double[] cdf;

        Zipf(int n, double s) {
            cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
        }

        int next(Random r) {
            int i = java.util.Arrays.binarySearch(cdf, r.nextDouble());
            return Math.min(cdf.length - 1, i < 0 ? -i - 1 : i);
        }
    }

    record Section(UUID id, String slug, String name, UUID parent) {
    }

    static Map<UUID, Section> sections(Connection c) throws Exception {
        Map<UUID, Section> all = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, slug, name, parent_id from section order by slug")) {
            while (rs.next()) {
                all.put((UUID) rs.getObject(1), new Section((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), (UUID) rs.getObject(4)));
            }
        }
        return all;
    }

    /** The section and its ancestors, top down. */
    static List<Section> path(Map<UUID, Section> all, UUID id) {
        List<Section> path = new ArrayList<>();
        for (Section s = all.get(id); s != null; s = s.parent() == null ? null : all.get(s.parent())) {
            path.add(0, s);
        }
        return path;
    }

    // ---------------------------------------------------------------- templates through the real API

    static void templates(String service, int fakePort, Path key, Path work) throws Exception {
        Files.createDirectories(work);
        Tokens tokens = new Tokens(key, "http://127.0.0.1:" + fakePort + "/realms/cms");
        HttpServer fake = fakeAuthors(fakePort, tokens);
        try {
            Map<String, String> ids = new LinkedHashMap<>();
            JsonNode existing = JSON.readTree(call(service, "GET", "/sections", tokens.of("erin", "editor"), null, null, 200).body()).path("items");
            existing.forEach(s -> ids.put(s.path("slug").asText(), s.path("id").asText()));
            for (String[] branch : TREE) {
                if (!ids.containsKey(branch[0])) {
                    ids.put(branch[0], id(call(service, "POST", "/sections", tokens.of("erin", "editor"), null,
                            Map.of("slug", branch[0], "name", title(branch[0])), 201)));
                }
                for (int i = 1; i < branch.length; i++) {
                    if (!ids.containsKey(branch[i])) {
                        ids.put(branch[i], id(call(service, "POST", "/sections", tokens.of("erin", "editor"), null,
                                Map.of("slug", branch[i], "name", title(branch[i]), "parentId", ids.get(branch[0])), 201)));
                    }
                }
            }
            String author = UUID.nameUUIDFromBytes("bench-author".getBytes()).toString();
            // three real publishes: primary only, primary + a secondary in another branch, a top-level primary
            List<List<String>> filed = List.of(List.of("cloud"), List.of("markets", "ai"), List.of("opinion"));
            for (int i = 0; i < filed.size(); i++) {
                String slug = "bench-listings-template-" + i;
                Map<String, Object> article = new LinkedHashMap<>();
                article.put("slug", slug);
                article.put("headline", "Template article " + i + " for the listings benchmark");
                article.put("dek", "A standfirst of ordinary length for template article " + i + ".");
                article.put("body", "A first paragraph of ordinary news prose.\n\nA second paragraph, a little longer than the first one.");
                article.put("heroImage", Map.of("url", "https://images.newsroom.example/bench/template-" + i + ".jpg", "alt", "Template image " + i));
                article.put("tags", List.of("bench-template", "tag-" + i));
                article.put("byline", List.of(author));
                article.put("primarySectionId", ids.get(filed.get(i).get(0)));
                article.put("secondarySectionIds", filed.get(i).subList(1, filed.get(i).size()).stream().map(ids::get).toList());
                HttpResponse<String> created = call(service, "POST", "/articles", tokens.of("alice", "writer"), null, article, 201);
                String etag = created.headers().firstValue("ETag").orElseThrow();
                String articleId = id(created);
                for (String[] step : new String[][]{{"alice", "writer", "submit"}, {"erin", "editor", "approve"}, {"erin", "editor", "publish"}}) {
                    etag = call(service, "POST", "/articles/" + articleId + "/transitions", tokens.of(step[0], step[1]), etag,
                            Map.of("action", step[2]), 200).headers().firstValue("ETag").orElseThrow();
                }
            }
            System.out.println("templates: " + ids.size() + " sections, " + filed.size() + " articles published through the API");
        } finally {
            fake.stop(0);
        }
    }

    static String title(String slug) {
        return slug.length() <= 2 ? slug.toUpperCase(Locale.ROOT) : Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }

    /** The authors service (byline claims, changes feed) and the token endpoint, as far as the articles service asks. */
    static HttpServer fakeAuthors(int port, Tokens tokens) throws IOException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64.encodeToString(unsigned(tokens.key.getModulus())) + "\",\"e\":\""
                + b64.encodeToString(unsigned(tokens.key.getPublicExponent())) + "\"}]}";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] in = exchange.getRequestBody().readAllBytes();
            String realm = "http://127.0.0.1:" + port + "/realms/cms";
            if (path.equals("/realms/cms/.well-known/openid-configuration")) {
                respond(exchange, 200, "{\"issuer\":\"" + realm + "\",\"jwks_uri\":\"" + realm + "/protocol/openid-connect/certs\","
                        + "\"token_endpoint\":\"" + realm + "/protocol/openid-connect/token\",\"authorization_endpoint\":\""
                        + realm + "/protocol/openid-connect/auth\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
            } else if (path.equals("/realms/cms/protocol/openid-connect/certs")) {
                respond(exchange, 200, jwks);
            } else if (path.endsWith("/protocol/openid-connect/token")) {
                respond(exchange, 200, "{\"access_token\":\"bench\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } else if (path.equals("/authors/byline-claims") && method.equals("POST")) {
                JsonNode claim = JSON.readTree(in);
                ArrayNode items = JSON.createArrayNode();
                claim.path("ids").forEach(id -> items.add(profile(id.asText())));
                ObjectNode answer = JSON.createObjectNode();
                answer.set("items", items);
                answer.set("claimed", claim.path("ids"));
                respond(exchange, 200, answer.toString());
            } else if (path.startsWith("/authors/byline-claims") && method.equals("DELETE")) {
                respond(exchange, 204, null);
            } else if (path.equals("/authors/public/changes")) {
                respond(exchange, 200, "{\"items\":[]}");
            } else {
                respond(exchange, 404, "{}");
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    static byte[] unsigned(java.math.BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static ObjectNode profile(String id) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id).put("slug", "jane-doe").put("displayName", "Jane Doe").put("jobTitle", "Technology reporter")
                .putNull("organization").put("bio", "Jane covers cloud computing.").put("bioHtml", "<p>Jane covers cloud computing.</p>")
                .putNull("avatar").putNull("social").put("active", true);
        return p;
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** RS256 tokens the service accepts (its OIDC discovery finds this key at the stand-in). */
    static final class Tokens {
        final java.security.interfaces.RSAPrivateCrtKey key;
        final String issuer;

        Tokens(Path pem, String issuer) throws Exception {
            this.issuer = issuer;
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = (java.security.interfaces.RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }

        String of(String user, String role) throws Exception {
            long now = Instant.now().getEpochSecond();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
            ObjectNode claims = JSON.createObjectNode();
            claims.put("iss", issuer).put("aud", "cms-backend").put("sub", user)
                    .put("preferred_username", user).put("iat", now).put("exp", now + 3600).put("azp", "cms-cli");
            claims.putArray("groups").add(role);
            claims.putObject("realm_access").putArray("roles").add(role);
            String payload = b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + "." + b64.encodeToString(rsa.sign());
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> call(String base, String method, String path, String token, String ifMatch, Object body, int expect)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (expect > 0 && response.statusCode() != expect) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static String id(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("id").asText();
    }

    // ---------------------------------------------------------------- seeding the read model

    static void seed(String jdbc, int total, Path work) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            c.setAutoCommit(false);
            int existing;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from published_article")) {
                rs.next();
                existing = rs.getInt(1);
            }
            int missing = total - existing;
            if (missing <= 0) {
                System.out.println("seed: " + existing + " published articles already");
                return;
            }
            UUID template;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select article_id from published_article where slug = 'bench-listings-template-1'")) {
                if (!rs.next()) {
                    throw new IllegalStateException("no template row: run templates first");
                }
                template = (UUID) rs.getObject(1);
            }
            ObjectNode item, document, summary;
            long version;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select item, document, summary, version from published_article where article_id = '" + template + "'")) {
                rs.next();
                item = (ObjectNode) JSON.readTree(rs.getString(1));
                document = (ObjectNode) JSON.readTree(rs.getString(2));
                summary = (ObjectNode) JSON.readTree(rs.getString(3));
                version = rs.getLong(4);
            }
            Map<UUID, Section> sections = sections(c);
            List<UUID> sectionIds = new ArrayList<>(sections.keySet());
            List<String> words = vocabulary();
            List<String> tags = tags(words);
            Random r = new Random(SEED * 1_000_003L + existing); // each growth step its own rows
            Zipf wordRank = new Zipf(VOCABULARY, 1.0), tagRank = new Zipf(TAGS, 1.0), sectionRank = new Zipf(sectionIds.size(), 0.8);
            try (Statement s = c.createStatement()) {
                s.execute("create unlogged table if not exists bench_seed (id uuid, slug text, headline text, dek text, body text,"
                        + " hero_url text, hero_alt text, tags jsonb, published_at timestamptz, primary_section uuid,"
                        + " secondary jsonb, item text, document text, summary text, etag text, version bigint)");
                s.execute("truncate bench_seed");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            StringBuilder filed = new StringBuilder();
            long span = END.getEpochSecond() - START.getEpochSecond();
            for (int n = 0; n < missing; n++) {
                int number = existing + n;
                // a version-4 shape, as the service's random UUIDs
                UUID id = new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
                String headline = capitalize(phrase(r, words, wordRank, 6 + r.nextInt(5)));
                String slug = slugOf(headline, number);
                String dek = capitalize(phrase(r, words, wordRank, 12 + r.nextInt(9))) + ".";
                List<String> paragraphs = new ArrayList<>();
                int paragraphCount = 3 + r.nextInt(5);
                for (int p = 0; p < paragraphCount; p++) {
                    paragraphs.add(capitalize(phrase(r, words, wordRank, 30 + r.nextInt(40))) + ".");
                }
                String body = String.join("\n\n", paragraphs);
                String bodyHtml = "<p>" + String.join("</p>\n<p>", paragraphs) + "</p>\n";
                Set<String> articleTags = new LinkedHashSet<>();
                int tagCount = 1 + r.nextInt(5);
                while (articleTags.size() < tagCount) {
                    articleTags.add(tags.get(tagRank.next(r)));
                }
                Instant at = Instant.ofEpochSecond(START.getEpochSecond() + (long) (r.nextDouble() * span), r.nextInt(1_000_000) * 1000L);
                UUID primary = sectionIds.get(sectionRank.next(r));
                List<UUID> secondary = new ArrayList<>();
                if (r.nextInt(4) == 0) {
                    UUID other = sectionIds.get(r.nextInt(sectionIds.size()));
                    if (!other.equals(primary)) {
                        secondary.add(other);
                    }
                }
                String heroUrl = "https://images.newsroom.example/bench/" + number + ".jpg";
                String heroAlt = "Picture for article " + number;
                ArrayNode tagArray = JSON.createArrayNode();
                articleTags.forEach(tagArray::add);
                ObjectNode i = item.deepCopy(), d = document.deepCopy(), sm = summary.deepCopy();
                for (ObjectNode o : List.of(i, d, sm)) {
                    o.put("id", id.toString()).put("slug", slug).put("headline", headline).put("dek", dek);
                    o.set("tags", tagArray);
                    o.put("publishedAt", at.toString()).put("updatedAt", at.toString());
                    if (o.path("heroImage").isObject()) {
                        ((ObjectNode) o.path("heroImage")).put("url", heroUrl).put("alt", heroAlt);
                    }
                }
                d.put("bodyHtml", bodyHtml);
                i.set("section", sectionRef(sections, primary));
                d.set("section", sectionRef(sections, primary));
                ArrayNode refs = JSON.createArrayNode();
                secondary.forEach(sid -> refs.add(sectionRef(sections, sid)));
                d.set("sections", refs);
                String documentText = JSON.writeValueAsString(d);
                String etag = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(documentText.getBytes(StandardCharsets.UTF_8)), 0, 16) + '"';
                ArrayNode secondaryIds = JSON.createArrayNode();
                secondary.forEach(sid -> secondaryIds.add(sid.toString()));
                rows.append(String.join("\t", id.toString(), esc(slug), esc(headline), esc(dek), esc(body), esc(heroUrl), esc(heroAlt),
                        esc(tagArray.toString()), at.toString(), primary.toString(), esc(secondaryIds.toString()),
                        esc(JSON.writeValueAsString(i)), esc(documentText), esc(JSON.writeValueAsString(sm)), esc(etag),
                        Long.toString(version + 1 + number))).append('\n');
                // as PublishedViews.fileUnderSections: the direct sections, then their ancestors (not direct)
                Map<UUID, Boolean> under = new LinkedHashMap<>();
                List<UUID> direct = new ArrayList<>();
                direct.add(primary);
                direct.addAll(secondary);
                for (UUID sid : direct) {
                    under.put(sid, true);
                    path(sections, sid).forEach(sec -> under.putIfAbsent(sec.id(), false));
                }
                UUID articleId = id;
                under.forEach((sid, isDirect) -> filed.append(sid).append('\t').append(articleId).append('\t').append(at)
                        .append('\t').append(isDirect ? 't' : 'f').append('\n'));
                if (rows.length() > 8_000_000 || n == missing - 1) {
                    copy.copyIn("copy bench_seed from stdin", new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
                    rows.setLength(0);
                }
            }
            long generated = System.nanoTime();
            List<String> articleColumns = columns(c, "article");
            List<String> publishedColumns = columns(c, "published_article");
            try (Statement s = c.createStatement()) {
                s.execute("insert into article (" + String.join(", ", articleColumns) + ") select " + prefixed("r", articleColumns)
                        + " from bench_seed b cross join lateral jsonb_populate_record(null::article, (select to_jsonb(t) from article t"
                        + " where t.id = '" + template + "') || jsonb_build_object('id', b.id, 'slug', b.slug, 'headline', b.headline,"
                        + " 'dek', b.dek, 'body', b.body, 'hero_url', b.hero_url, 'hero_alt', b.hero_alt, 'tags', b.tags,"
                        + " 'created_at', b.published_at - interval '2 hours', 'updated_at', b.published_at,"
                        + " 'submitted_at', b.published_at - interval '1 hour', 'first_published_at', b.published_at,"
                        + " 'last_published_at', b.published_at, 'primary_section_id', b.primary_section,"
                        + " 'secondary_section_ids', b.secondary)) r");
                // the live revision of each: search reads its text for the results' snippets
                List<String> revisionColumns = columns(c, "article_revision");
                s.execute("insert into article_revision (" + String.join(", ", revisionColumns) + ") select " + prefixed("r", revisionColumns)
                        + " from bench_seed b cross join lateral jsonb_populate_record(null::article_revision, (select to_jsonb(t)"
                        + " from article_revision t join published_article p on p.article_id = t.article_id and p.revision = t.number"
                        + " where t.article_id = '" + template + "') || jsonb_build_object('article_id', b.id, 'slug', b.slug,"
                        + " 'headline', b.headline, 'dek', b.dek, 'body', b.body, 'hero_url', b.hero_url, 'hero_alt', b.hero_alt,"
                        + " 'tags', b.tags, 'created_at', b.published_at - interval '1 hour', 'primary_section_id', b.primary_section,"
                        + " 'secondary_section_ids', b.secondary)) r");
                s.execute("insert into published_article (" + String.join(", ", publishedColumns) + ") select " + prefixed("r", publishedColumns)
                        + " from bench_seed b cross join lateral jsonb_populate_record(null::published_article, (select to_jsonb(t)"
                        + " from published_article t where t.article_id = '" + template + "') || jsonb_build_object('article_id', b.id,"
                        + " 'slug', b.slug, 'published_at', b.published_at, 'updated_at', b.published_at, 'tags', b.tags,"
                        + " 'search_vector', (setweight(to_tsvector('english', b.headline), 'A') || setweight(to_tsvector('english', b.dek), 'B')"
                        + " || setweight(to_tsvector('english', b.body), 'C'))::text,"
                        + " 'title_vector', (setweight(to_tsvector('english', b.headline), 'A') || setweight(to_tsvector('english', b.dek), 'B'))::text,"
                        + " 'summary', b.summary, 'item', b.item,"
                        + " 'document', b.document, 'etag', b.etag, 'version', b.version, 'section_id', b.primary_section)) r");
            }
            copy.copyIn("copy published_article_section (section_id, article_id, published_at, direct) from stdin",
                    new ByteArrayInputStream(filed.toString().getBytes(StandardCharsets.UTF_8)));
            try (Statement s = c.createStatement()) {
                // as PublishedViews.put files them (V16 on): one row per article and tag
                try (ResultSet rs = s.executeQuery("select to_regclass('published_article_tag') is not null")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        s.execute("insert into published_article_tag (article_id, tag, published_at) select distinct b.id, t.tag,"
                                + " b.published_at from bench_seed b cross join lateral jsonb_array_elements_text(b.tags) as t(tag)");
                    }
                }
                s.execute("drop table bench_seed");
            }
            c.commit();
            System.out.printf("seed: %d → %d published articles (generated in %.1f s, inserted in %.1f s)%n", existing, total,
                    (generated - t0) / 1e9, (System.nanoTime() - generated) / 1e9);
        }
    }

    static ObjectNode sectionRef(Map<UUID, Section> sections, UUID id) {
        ObjectNode ref = JSON.createObjectNode();
        Section s = sections.get(id);
        ref.put("slug", s.slug()).put("name", s.name());
        ArrayNode path = ref.putArray("path");
        path(sections, id).forEach(p -> path.add(p.slug()));
        return ref;
    }

    /** The columns of a table that an insert may set (not generated), in order. */
    static List<String> columns(Connection c, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select column_name from information_schema.columns where table_schema = 'public'"
                + " and table_name = ? and is_generated = 'NEVER' order by ordinal_position")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    static String prefixed(String alias, List<String> columns) {
        return String.join(", ", columns.stream().map(col -> alias + "." + col).toList());
    }

    static String phrase(Random r, List<String> words, Zipf rank, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(words.get(rank.next(r)));
        }
        return b.toString();
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String slugOf(String headline, int number) {
        String base = headline.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        base = base.length() > 60 ? base.substring(0, 60) : base;
        return base.replaceAll("-+$", "") + "-" + number;
    }

    /** COPY text format escaping. */
    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    // ---------------------------------------------------------------- URL lists

    static void urls(String service, String jdbc, Path work) throws Exception {
        Map<UUID, Section> sections;
        List<String> tags = new ArrayList<>();
        Map<UUID, Long> live = new LinkedHashMap<>(); // section → its published articles, its subsections' included
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             Statement s = c.createStatement();
             // only tags published articles carry: another is a 404 (an unknown filter value), not a listing
             ResultSet rows = s.executeQuery("select distinct tag from published_article_tag order by 1")) {
            sections = sections(c);
            while (rows.next()) {
                tags.add(rows.getString(1));
            }
            try (ResultSet counts = s.executeQuery("select section_id, count(*) from published_article_section group by 1")) {
                while (counts.next()) {
                    live.put((UUID) counts.getObject(1), counts.getLong(2));
                }
            }
        }
        List<Section> listed = sections.values().stream().filter(x -> live.getOrDefault(x.id(), 0L) > 0).toList();
        List<String> slugs = listed.stream().map(Section::slug).toList();
        List<String> words = vocabulary();
        Random r = new Random(SEED + 7);
        int n = 5000;
        List<String> section = new ArrayList<>(), tag = new ArrayList<>(), range = new ArrayList<>(), range30 = new ArrayList<>(),
                search = new ArrayList<>();
        long span = END.getEpochSecond() - START.getEpochSecond();
        for (int i = 0; i < n; i++) {
            section.add("/articles/published?limit=10&section=" + slugs.get(r.nextInt(slugs.size())));
            tag.add("/articles/published?limit=10&tag=" + URLEncoder.encode(tags.get(r.nextInt(tags.size())), StandardCharsets.UTF_8));
            // a window that holds about 20 of the section's articles (a full page of 10) at every size: the answer is the
            // same size at 1,000 and 100,000 articles, so the ratio shows what the table's size costs, not a fuller page
            Section in = listed.get(r.nextInt(listed.size()));
            long window = Math.min(span, Math.max(3600, 20 * span / live.get(in.id())));
            Instant from = Instant.ofEpochSecond(START.getEpochSecond() + (long) (r.nextDouble() * (span - window)));
            range.add("/articles/published?limit=10&section=" + in.slug() + "&from=" + from + "&to=" + from.plusSeconds(window));
            // a calendar month: at 1,000 articles it holds 1 or 2 of a section's, at 100,000 a full page
            Instant month = Instant.ofEpochSecond(START.getEpochSecond() + (long) (r.nextDouble() * (span - 30 * 86_400L)));
            range30.add("/articles/published?limit=10&section=" + slugs.get(r.nextInt(slugs.size())) + "&from=" + month
                    + "&to=" + month.plus(30, ChronoUnit.DAYS));
            // 1-2 words among the 2,000 most frequent but the 20 most frequent (those are in most articles, like stop words)
            String q = words.get(20 + r.nextInt(1980)) + (r.nextBoolean() ? " " + words.get(20 + r.nextInt(1980)) : "");
            search.add("/articles/published/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        Files.write(work.resolve("urls-section.txt"), section);
        Files.write(work.resolve("urls-tag.txt"), tag);
        Files.write(work.resolve("urls-range.txt"), range);
        Files.write(work.resolve("urls-range30.txt"), range30);
        Files.write(work.resolve("urls-search.txt"), search);
        // Does the service filter by the published-date range? 400: it refuses the parameters; items outside: it ignores them.
        Path unsupported = work.resolve("range-unsupported.txt");
        Files.deleteIfExists(unsupported);
        String reason = null;
        for (int i = 0; i < 50 && reason == null; i++) {
            String url = range.get(i);
            HttpResponse<String> answer = call(service, "GET", url, null, null, null, 0);
            if (answer.statusCode() == 400) {
                reason = "the service answers 400 to " + url + ": " + answer.body().replace('\n', ' ');
            } else if (answer.statusCode() != 200) {
                reason = "the service answers " + answer.statusCode() + " to " + url;
            } else {
                Map<String, String> q = query(url);
                Instant from = Instant.parse(q.get("from")), to = Instant.parse(q.get("to"));
                for (JsonNode it : JSON.readTree(answer.body()).path("items")) {
                    Instant at = Instant.parse(it.path("publishedAt").asText());
                    if (at.isBefore(from) || !at.isBefore(to)) {
                        reason = "the service ignores from/to: " + url + " answered an article published at " + at;
                        break;
                    }
                }
            }
        }
        if (reason != null) {
            Files.writeString(unsupported, reason + "\n");
        }
        // how many items an answer carries, on average over 200 of each list's URLs (the run prints it with the tables)
        List<String> items = new ArrayList<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("section", section);
        lists.put("tag", tag);
        if (reason == null) {
            lists.put("range", range);
            lists.put("range30", range30);
        }
        lists.put("search", search);
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            long total = 0, empty = 0;
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> answer = call(service, "GET", list.getValue().get(i), null, null, null, 0);
                int size = answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("items").size() : 0;
                total += size;
                empty += size == 0 ? 1 : 0;
            }
            items.add(list.getKey() + "\t" + String.format(Locale.ROOT, "%.1f", total / 200.0) + "\t" + (empty * 100 / 200));
        }
        Files.write(work.resolve("items.tsv"), items);
        System.out.println("urls: " + n + " each for section, tag, range, range30, search" + (reason == null ? "" : "; range skipped: " + reason));
    }

    static Map<String, String> query(String url) {
        Map<String, String> q = new TreeMap<>();
        for (String part : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] kv = part.split("=", 2);
            q.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    // ---------------------------------------------------------------- the statements the service ran, and their plans

    static void capture(String jdbc, String name, Path work) throws Exception {
        String db = jdbc.substring(jdbc.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             PreparedStatement s = c.prepareStatement("select query, count(*) from pg_stat_activity where datname = ?"
                     + " and pid <> pg_backend_pid() and query ~* 'limit \\$[0-9]' and query !~* 'pg_stat_activity'"
                     + " group by query order by count(*) desc, max(state_change) desc limit 1")) {
            s.setString(1, db);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    Files.writeString(work.resolve("query-" + name + ".sql"), rs.getString(1));
                    System.out.println("captured " + name + " (" + rs.getInt(2) + " connections): " + rs.getString(1));
                } else {
                    System.out.println("captured " + name + ": nothing");
                }
            }
        }
    }

    static void explain(String jdbc, Path work, String label, String modes) throws Exception {
        List<String> words = vocabulary();
        List<String> tags = tags(words);
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            Map<UUID, Section> sections = sections(c);
            UUID common = sections.values().stream().filter(s -> s.slug().equals("news")).findFirst().orElseThrow().id();
            UUID rare = sections.values().stream().filter(s -> s.slug().equals("letters")).findFirst().orElseThrow().id();
            Map<String, String[]> values = new LinkedHashMap<>(); // case → {common value label, rare value label}
            for (String name : List.of("section", "tag", "range", "search")) {
                Path file = work.resolve("query-" + name + ".sql");
                if (!Files.exists(file)) {
                    continue;
                }
                String sql = Files.readString(file);
                for (boolean isCommon : new boolean[]{true, false}) {
                    for (String mode : modes.split(",")) {
                        try (Statement s = c.createStatement()) {
                            s.execute("deallocate all");
                            s.execute("set plan_cache_mode = force_" + mode + "_plan");
                            s.execute("prepare q as " + sql);
                            String types;
                            try (ResultSet rs = s.executeQuery("select parameter_types::text from pg_prepared_statements where name = 'q'")) {
                                rs.next();
                                types = rs.getString(1);
                            }
                            List<String> args = new ArrayList<>();
                            int ints = 0, times = 0;
                            Instant from = END.minus(200, ChronoUnit.DAYS);
                            String what = "";
                            for (String type : types.replaceAll("[{}]", "").split(",")) {
                                switch (type) {
                                    case "uuid" -> {
                                        UUID id = isCommon ? common : rare;
                                        args.add("'" + id + "'");
                                        what += " section=" + sections.get(id).slug();
                                    }
                                    case "text", "character varying", "jsonb" -> {
                                        if (name.equals("search")) {
                                            String q = isCommon ? words.get(20) : words.get(1900) + " " + words.get(300);
                                            args.add("'" + q + "'");
                                            what += " q=" + q;
                                        } else {
                                            String t = isCommon ? tags.get(0) : tags.get(TAGS - 1);
                                            // the tag's own rows (published_article_tag) take the tag, the tags column a JSON array
                                            args.add(sql.contains("published_article_tag") ? "'" + t + "'" : "'[\"" + t + "\"]'");
                                            what += " tag=" + t;
                                        }
                                    }
                                    case "timestamp with time zone", "timestamp without time zone" -> {
                                        Instant at = times++ == 0 ? from : from.plus(30, ChronoUnit.DAYS);
                                        args.add("'" + at + "'");
                                        what += (times == 1 ? " from=" : " to=") + at;
                                    }
                                    case "integer", "bigint", "smallint" -> args.add(ints++ == 0 ? "11" : "0");
                                    default -> args.add("null");
                                }
                            }
                            out.append("\n#### ").append(name).append(" — ").append(isCommon ? "common" : "rare").append(" value,")
                                    .append(what).append(" (").append(mode).append(" plan, ").append(label).append(")\n\n```\n")
                                    .append(sql).append("\n\n");
                            try (ResultSet rs = s.executeQuery("explain (analyze, buffers) execute q(" + String.join(", ", args) + ")")) {
                                while (rs.next()) {
                                    out.append(rs.getString(1)).append('\n');
                                }
                            }
                            out.append("```\n");
                            s.execute("deallocate q");
                        }
                    }
                }
            }
        }
        System.out.print(out);
    }
}
