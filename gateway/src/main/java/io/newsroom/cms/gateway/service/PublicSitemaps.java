package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newsroom.cms.gateway.client.ContentBackends;
import io.newsroom.cms.gateway.client.ContentBackends.Answer;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sitemaps (sitemaps.org 0.9): {@code sitemap.xml} is an index of the pages {@code sitemaps/articles-{n}.xml}
 * ({@code cms.public-api.sitemap.page-size} articles each, at most the protocol's 50,000; oldest articles first, so a
 * new article changes only the last page) and of the Google News sitemap {@code sitemap-news.xml} (the articles first
 * published in the last 48 hours, at most 1,000). Each is one call to the articles service, which reads its read model
 * in one statement.
 */
@ApplicationScoped
public class PublicSitemaps {
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Google News takes the articles of the last two days, at most a thousand per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1000;

    record Page(long page, long count, Instant lastModified) {
    }

    record Pages(List<Page> pages) {
    }

    record Url(String slug, Instant updatedAt) {
    }

    record Urls(List<Url> items) {
    }

    record News(String slug, String headline, Instant publishedAt) {
    }

    record NewsList(List<News> items) {
    }

    @Inject
    ContentBackends backends;

    @Inject
    ObjectMapper json;

    @Inject
    PublicApiConfig config;

    @Inject
    PublicLinks links;

    @Inject
    Clock clock;

    private ObjectReader pages;
    private ObjectReader urls;
    private ObjectReader news;

    @PostConstruct
    void init() {
        ObjectReader lenient = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        pages = lenient.forType(Pages.class);
        urls = lenient.forType(Urls.class);
        news = lenient.forType(NewsList.class);
    }

    /** The sitemap index: every page of articles (page 1 even when nothing is published yet), then the news sitemap. */
    public Uni<CachedAnswer> index() {
        return backends.sitemapPages(config.sitemap().pageSize()).map(response -> {
            List<Page> listed = this.<Pages>read(pages, response).pages();
            List<Page> all = listed == null || listed.isEmpty() ? List.of(new Page(1, 0, null)) : listed;
            return xml(FeedXml.write(writer -> {
                writer.writeStartElement("sitemapindex");
                writer.writeDefaultNamespace(SITEMAP_NS);
                for (Page page : all) {
                    writer.writeStartElement("sitemap");
                    FeedXml.element(writer, "loc", links.api("/sitemaps/articles-" + page.page() + ".xml"));
                    if (page.lastModified() != null) {
                        FeedXml.element(writer, "lastmod", PublicFeeds.w3c(page.lastModified()));
                    }
                    writer.writeEndElement();
                }
                writer.writeStartElement("sitemap");
                FeedXml.element(writer, "loc", links.api("/sitemap-news.xml"));
                writer.writeEndElement();
                writer.writeEndElement();
            }));
        });
    }

    /** Page {@code n} of the articles: each article's URL on the site and its last change. Past the last page: a 404 problem. */
    public Uni<CachedAnswer> page(int n) {
        return backends.sitemapPage(n, config.sitemap().pageSize()).map(response -> {
            List<Url> items = this.<Urls>read(urls, response).items();
            return xml(FeedXml.write(writer -> {
                writer.writeStartElement("urlset");
                writer.writeDefaultNamespace(SITEMAP_NS);
                for (Url url : items == null ? List.<Url>of() : items) {
                    writer.writeStartElement("url");
                    FeedXml.element(writer, "loc", links.article(url.slug()));
                    FeedXml.element(writer, "lastmod", PublicFeeds.w3c(url.updatedAt()));
                    writer.writeEndElement();
                }
                writer.writeEndElement();
            }));
        });
    }

    /**
     * The Google News sitemap: the articles first published in the last 48 hours, newest first, at most 1,000, with the
     * publication's name and language ({@code sitemap.news-publication}, {@code sitemap.news-language}; by default the
     * feeds' title and language).
     */
    public Uni<CachedAnswer> news() {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        String name = config.sitemap().newsPublication().or(() -> config.feed().title()).orElse(config.feedTitle());
        String language = config.sitemap().newsLanguage().orElse(config.feed().language()).toLowerCase();
        return backends.publishedSince(since, NEWS_LIMIT).map(response -> {
            List<News> items = this.<NewsList>read(news, response).items();
            return xml(FeedXml.write(writer -> {
                writer.setPrefix("news", NEWS_NS);
                writer.writeStartElement("urlset");
                writer.writeDefaultNamespace(SITEMAP_NS);
                writer.writeNamespace("news", NEWS_NS);
                for (News item : items == null ? List.<News>of() : items) {
                    writer.writeStartElement("url");
                    FeedXml.element(writer, "loc", links.article(item.slug()));
                    writer.writeStartElement("news", "news", NEWS_NS);
                    writer.writeStartElement("news", "publication", NEWS_NS);
                    newsElement(writer, "name", name);
                    newsElement(writer, "language", language);
                    writer.writeEndElement();
                    newsElement(writer, "publication_date", PublicFeeds.w3c(item.publishedAt()));
                    newsElement(writer, "title", item.headline());
                    writer.writeEndElement();
                    writer.writeEndElement();
                }
                writer.writeEndElement();
            }));
        });
    }

    private static void newsElement(javax.xml.stream.XMLStreamWriter writer, String name, String text)
            throws javax.xml.stream.XMLStreamException {
        writer.writeStartElement("news", name, NEWS_NS);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    private static CachedAnswer xml(byte[] body) {
        return CachedAnswer.of(200, body, "application/xml", false);
    }

    private <T> T read(ObjectReader reader, Answer response) {
        PublicContent.check(response, "sitemap");
        try {
            return reader.readValue(response.body());
        } catch (IOException e) {
            throw new BackendException(502, "The articles service sent an unreadable answer");
        }
    }
}
