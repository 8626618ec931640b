package io.newsroom.cms.devstack;


import java.util.ArrayList;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The demo content of ARCHITECTURE.md: one full article by one author, four more articles, and a published
 * "Featured" list of those four with overrides and alt text. Every picture lives in the media library, uploaded first
 * with its alt text: the articles' hero images, the author's avatar and the list's image override. Loaded through the
 * gateway's editor API with the demo users' real tokens (never by writing a database), and only when it is not there
 * yet.
 */
public final class DemoContent {
    public static final String FULL_ARTICLE = "regional-cloud-outage-newsrooms";
    /** The demo profile is alice's own: the name in the editor's top bar is the name on her byline. */
    public static final String AUTHOR = "alice-archer";
    public static final String LIST = "featured";
    /** The section every article starts in unless it names another (created by the articles service's migration). */
    public static final String NEWS_SECTION = "00000000-0000-4000-8000-00000000000a";

    private final GatewayClient api;

    public DemoContent(String gatewayUrl, String issuer) {
        this.api = new GatewayClient(gatewayUrl, issuer);
    }

    /** Returns true when it loaded the content, false when it was already there. */
    public boolean loadIfMissing() {
        if (api.send("GET", "/public/v1/articles/" + FULL_ARTICLE, null, null, null).statusCode() == 200) {
            return false;
        }
        String author = create("root", "/api/authors", Map.of(
                "slug", AUTHOR, "displayName", "Alice Archer", "jobTitle", "Senior Technology Correspondent",
                "organization", "The Ledger Trade Press", "username", "alice", "email", "alice.archer@newsroom.example",
                "bio", "Alice Archer covers cloud infrastructure, data centres and the software that keeps newsrooms running. "
                        + "Before joining *The Ledger* she spent eight years as a systems engineer.",
                "avatar", Map.of("mediaId", picture("avatar-alice", "Illustrated portrait of Alice Archer")),
                "social", Map.of("x", "@AliceArcherNews", "website", "https://alicearcher.example",
                        "linkedin", "https://www.linkedin.com/in/alicearcher-example")));

        // News › Cloud, Business, Opinion
        String cloud = section("cloud", "Cloud", "Cloud platforms, data centres and the outages that reach readers", NEWS_SECTION);
        String business = section("business", "Business", "Companies, markets and the media industry", null);
        String opinion = section("opinion", "Opinion", "Columns and analysis", null);

        publish(author, FULL_ARTICLE, List.of(cloud), "Regional cloud outage leaves newsrooms scrambling to publish",
                "A four-hour failure at a single cloud region took content systems offline across dozens of publishers, "
                        + "reviving questions about how much of the news business depends on one provider.",
                """
                        Editors at more than forty regional publishers found themselves unable to publish on Tuesday morning \
                        after a cloud provider's storage service in one region stopped answering requests for just over four hours.

                        The failure began at 06:40 UTC, when a routine configuration change to the provider's internal \
                        load balancers was rolled out to every availability zone at once. Sites that kept their content \
                        management systems in a single region lost both their editing tools and their public pages.

                        > "We had the story, we had the photographs, and we had no way to get them in front of readers," \
                        said Marta Lindqvist, managing editor of a group of six daily titles. "For a newsroom, four hours is a lifetime."

                        Publishers that had spread their systems across regions fared better. One national broadcaster \
                        switched its public site to a read-only copy within twelve minutes, although its journalists could not \
                        file new copy until the primary region recovered.

                        > "Resilience is not a feature you buy, it is a habit you practise," said Tomás Ferreira, who leads \
                        platform engineering at the broadcaster. "We rehearse a regional failure every quarter."

                        The provider said in a statement that it had halted the change, restored service by 10:52 UTC and \
                        would publish a full post-incident review within two weeks. It did not say how many customers were affected.

                        Analysts expect the incident to accelerate interest in multi-region deployments, caching layers that \
                        keep serving the last good version of a page, and editorial tools that can queue work while offline.""",
                List.of("cloud", "outages", "publishing"),
                picture("servers", "Racks of servers with green, amber and red status lights in a dark data centre"));

        String[][] sections = {{business, cloud}, {business}, {opinion, NEWS_SECTION}, {cloud, business}};
        String[][] more = {
                {"chip-supply-eases-for-server-makers", "Chip supply eases for server makers after two lean years",
                        "Lead times for data-centre processors have fallen to eight weeks, the shortest since 2020.",
                        picture("chart", "A bar chart whose bars climb from left to right")},
                {"open-source-licence-change-divides-users", "Open-source licence change divides database users",
                        "A popular database moved to a source-available licence; contributors are weighing a fork.",
                        picture("city", "A city skyline at dusk under a low orange sun")},
                {"newsrooms-adopt-structured-corrections", "Newsrooms adopt structured corrections to rebuild trust",
                        "Publishers are tagging corrections so readers and search engines can see exactly what changed.",
                        picture("press", "A printed newspaper page with a headline and columns of text")},
                {"edge-caching-cuts-page-load-times", "Edge caching cuts page load times for regional publishers",
                        "Serving pages from caches near readers halved load times in a six-month trial.",
                        picture("solar", "Rows of solar panels under a bright sun")}};
        List<String> featured = new ArrayList<>();
        for (int i = 0; i < more.length; i++) {
            String[] a = more[i];
            featured.add(publish(author, a[0], List.of(sections[i]), a[1], a[2], a[2] + "\n\nMore reporting to follow.",
                    List.of("industry"), a[3]));
        }

        create("carl", "/api/lists", Map.of("slug", LIST, "title", "Featured", "description",
                "Hand-picked stories beside every article", "maxItems", 6));
        String[][] overrides = {
                {"Chips are back", "Server makers finally get the processors they ordered.", null, null},
                {null, "Why a licence change has database users talking about a fork.", null, null},
                {"Corrections, with receipts", null, more[2][3],
                        "A newspaper page seen up close, columns of text under a bold headline"},
                {null, null, null, null}};
        for (int i = 0; i < featured.size(); i++) {
            Map<String, Object> item = new java.util.HashMap<>(Map.of("articleId", featured.get(i)));
            Map<String, Object> o = new java.util.HashMap<>();
            if (overrides[i][0] != null) {
                o.put("headline", overrides[i][0]);
            }
            if (overrides[i][1] != null) {
                o.put("summary", overrides[i][1]);
            }
            if (overrides[i][2] != null) {
                o.put("image", Map.of("mediaId", overrides[i][2], "alt", overrides[i][3])); // the list's own words for it
            }
            if (!o.isEmpty()) {
                item.put("overrides", o);
            }
            String etag = api.send("GET", "/api/lists/" + LIST + "/draft", "carl", null, null).headers().firstValue("ETag").orElseThrow();
            api.expect(200, "POST", "/api/lists/" + LIST + "/draft/items", "carl", etag, item);
        }
        String draft = api.send("GET", "/api/lists/" + LIST + "/draft", "carl", null, null).headers().firstValue("ETag").orElseThrow();
        api.expect(200, "POST", "/api/lists/" + LIST + "/publish", "carl", draft, Map.of());
        return true;
    }

    /**
     * One of the demo's pictures (resources {@code demo-pictures/}: the editor app's sample illustrations as 2400 × 1350
     * JPEGs, the avatar a 1200 × 1200 one), uploaded to the media library with its alt text and credit; its media id.
     */
    private String picture(String name, String alt) {
        try (java.io.InputStream in = DemoContent.class.getResourceAsStream("/demo-pictures/" + name + ".jpg")) {
            if (in == null) {
                throw new IllegalStateException("demo picture " + name + ".jpg is missing from devstack's resources");
            }
            return api.upload("alice", name + ".jpg", in.readAllBytes(), Map.of("altText", alt, "credit", "Newsroom demo",
                    "tags", "demo"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A published article whose hero image is the library picture {@code mediaId} (its alt text and credit the library's),
     * in {@code sections}: the first its primary section, the others secondary.
     */
    private String publish(String author, String slug, List<String> sections, String headline, String dek, String body,
                           List<String> tags, String mediaId) {
        Map<String, Object> article = new java.util.HashMap<>(Map.of("slug", slug, "headline", headline, "dek", dek, "body", body,
                "tags", tags, "byline", List.of(author), "heroImage", Map.of("mediaId", mediaId)));
        article.put("primarySectionId", sections.get(0));
        article.put("secondarySectionIds", sections.subList(1, sections.size()));
        HttpResponse<String> created = api.expect(201, "POST", "/api/articles", "alice", null, article);
        String id = GatewayClient.id(created);
        api.transitions(id, GatewayClient.etag(created), new String[]{"alice", "submit"}, new String[]{"erin", "approve"},
                new String[]{"erin", "publish"});
        return id;
    }

    /** The section with this slug, created by an editor unless a load that stopped half-way made it already. */
    private String section(String slug, String name, String description, String parentId) {
        try {
            for (com.fasterxml.jackson.databind.JsonNode s : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(api.expect(200, "GET", "/api/sections", "erin", null, null).body()).path("items")) {
                if (s.path("slug").asText().equals(slug)) {
                    return s.path("id").asText();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("slug", slug, "name", name, "description", description));
        body.put("parentId", parentId);
        return create("erin", "/api/sections", body);
    }

    private String create(String user, String path, Map<String, Object> body) {
        return GatewayClient.id(api.expect(201, "POST", path, user, null, body));
    }
}
