package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newsroom.cms.gateway.api.PublicRecords.Image;
import io.newsroom.cms.gateway.api.PublicRecords.JsonFeed;
import io.newsroom.cms.gateway.api.PublicRecords.JsonFeedAuthor;
import io.newsroom.cms.gateway.api.PublicRecords.JsonFeedItem;
import io.newsroom.cms.gateway.client.ContentBackends;
import io.newsroom.cms.gateway.client.ContentBackends.Answer;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The feeds: RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1 of the newest articles, of the site or of a {@link FeedScope},
 * made from the articles service's list items (and, with {@code cms.public-api.feed.full-content}, its article pages,
 * fetched in one call by id). XML with the StAX writer, JSON Feed from typed records. Title, description, link,
 * language and the number of items come from {@code cms.public-api.feed.*}.
 */
@ApplicationScoped
public class PublicFeeds {
    /** The three formats, by their file extension under {@code /public/v1}. */
    public enum Format {
        RSS("feed.xml", "application/rss+xml"), ATOM("feed.atom", "application/atom+xml"), JSON("feed.json", "application/feed+json");

        final String file;
        final String contentType;

        Format(String file, String contentType) {
            this.file = file;
            this.contentType = contentType;
        }
    }

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    /** An article as a feed shows it: read from a list item or from an article page (which adds {@code bodyHtml}). */
    record Entry(UUID id, String slug, String headline, String dek, String bodyHtml, Image heroImage, List<String> tags,
                 Instant publishedAt, Instant updatedAt, List<Byline> authors) {
    }

    record Byline(String slug, String displayName) {
    }

    record Entries(List<Entry> items) {
    }

    @Inject
    ContentBackends backends;

    @Inject
    ObjectMapper json;

    @Inject
    PublicApiConfig config;

    @Inject
    PublicLinks links;

    private ObjectReader entries;

    @PostConstruct
    void init() {
        entries = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).forType(Entries.class);
    }

    /**
     * The feed of {@code scope} in {@code format}. A tag no published article carries has no feed: a 404 problem (tags
     * are free text, so "unknown" can only mean that). A section is known or not (the articles service answers 404 for
     * an unknown one): a section with nothing published yet has an empty feed, as the site's is never a 404, only empty.
     */
    public Uni<CachedAnswer> feed(Format format, FeedScope scope) {
        return backends.articles(config.feed().items(), null, scope.tag(), null, scope.section(), null)
                .map(response -> read(response, "articles"))
                .flatMap(newest -> {
                    if (newest.isEmpty() && scope.tag() != null) {
                        throw new BackendException(404, "No published article is " + scope.describe());
                    }
                    if (!config.feed().fullContent() || newest.isEmpty()) {
                        return Uni.createFrom().item(newest);
                    }
                    // the article pages, in the list's order; one unpublished meanwhile is simply left out
                    return backends.articleDocuments(newest.stream().map(entry -> entry.id().toString()).toList())
                            .map(response -> read(response, "articles"));
                })
                .map(items -> CachedAnswer.of(200, write(format, scope, items), format.contentType, false));
    }

    private byte[] write(Format format, FeedScope scope, List<Entry> items) {
        return switch (format) {
            case RSS -> rss(scope, items);
            case ATOM -> atom(scope, items);
            case JSON -> jsonFeed(scope, items);
        };
    }

    private String title(FeedScope scope) {
        String title = config.feed().title().orElse(config.feedTitle());
        return scope.tag() != null ? title + ": " + scope.tag() : scope.section() != null ? title + ": " + scope.section() : title;
    }

    private String selfUrl(FeedScope scope, Format format) {
        return links.api(scope.path() + "/" + format.file);
    }

    /**
     * RSS 2.0. Feed readers show {@code <description>} as HTML, so the dek (plain text) is HTML-escaped first and the
     * XML writer escapes that again: a dek such as {@code <img src=x onerror=...>} reaches readers' apps as text.
     */
    private byte[] rss(FeedScope scope, List<Entry> items) {
        return FeedXml.write(writer -> {
            writer.writeStartElement("rss");
            writer.writeAttribute("version", "2.0");
            writer.writeNamespace("atom", ATOM_NS);
            writer.writeNamespace("dc", DC_NS);
            if (config.feed().fullContent()) {
                writer.writeNamespace("content", CONTENT_NS);
            }
            writer.writeStartElement("channel");
            FeedXml.element(writer, "title", title(scope));
            FeedXml.element(writer, "link", links.home());
            FeedXml.element(writer, "description", config.feed().description());
            FeedXml.element(writer, "language", config.feed().language());
            writer.writeEmptyElement("atom", "link", ATOM_NS);
            writer.writeAttribute("href", selfUrl(scope, Format.RSS));
            writer.writeAttribute("rel", "self");
            writer.writeAttribute("type", Format.RSS.contentType);
            if (!items.isEmpty()) {
                FeedXml.element(writer, "lastBuildDate", rfc822(lastChange(items)));
            }
            for (Entry item : items) {
                writer.writeStartElement("item");
                FeedXml.element(writer, "title", item.headline());
                FeedXml.element(writer, "link", links.article(item.slug()));
                writer.writeStartElement("guid");
                writer.writeAttribute("isPermaLink", "false");
                writer.writeCharacters(item.id().toString());
                writer.writeEndElement();
                FeedXml.element(writer, "pubDate", rfc822(item.publishedAt()));
                FeedXml.element(writer, "description", FeedXml.htmlEscape(item.dek() == null ? "" : item.dek()));
                for (Byline author : bylines(item)) {
                    writer.writeStartElement("dc", "creator", DC_NS);
                    writer.writeCharacters(author.displayName());
                    writer.writeEndElement();
                }
                for (String tag : tags(item)) {
                    FeedXml.element(writer, "category", tag);
                }
                if (config.feed().fullContent() && item.bodyHtml() != null) {
                    writer.writeStartElement("content", "encoded", CONTENT_NS);
                    writer.writeCharacters(item.bodyHtml());
                    writer.writeEndElement();
                }
                writer.writeEndElement();
            }
            writer.writeEndElement();
            writer.writeEndElement();
        });
    }

    /** Atom (RFC 4287): ids are the feed's own URL and {@code urn:uuid:} of each article, which never change. */
    private byte[] atom(FeedScope scope, List<Entry> items) {
        return FeedXml.write(writer -> {
            writer.setDefaultNamespace(ATOM_NS);
            writer.writeStartElement(ATOM_NS, "feed");
            writer.writeDefaultNamespace(ATOM_NS);
            writer.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", config.feed().language());
            String self = selfUrl(scope, Format.ATOM);
            atomElement(writer, "id", self);
            atomElement(writer, "title", title(scope));
            atomElement(writer, "subtitle", config.feed().description());
            // an empty feed has nothing to date it by: the epoch, so its ETag stays the same while it stays empty
            atomElement(writer, "updated", w3c(items.isEmpty() ? Instant.EPOCH : lastChange(items)));
            atomLink(writer, "alternate", "text/html", links.home());
            atomLink(writer, "self", Format.ATOM.contentType, self);
            // the publication is the feed's author: RFC 4287 wants one for every entry, and an entry may have no byline
            writer.writeStartElement(ATOM_NS, "author");
            atomElement(writer, "name", config.feed().title().orElse(config.feedTitle()));
            atomElement(writer, "uri", links.home());
            writer.writeEndElement();
            for (Entry item : items) {
                writer.writeStartElement(ATOM_NS, "entry");
                atomElement(writer, "id", "urn:uuid:" + item.id());
                atomElement(writer, "title", item.headline());
                atomLink(writer, "alternate", "text/html", links.article(item.slug()));
                atomElement(writer, "published", w3c(item.publishedAt()));
                atomElement(writer, "updated", w3c(updated(item)));
                for (Byline author : bylines(item)) {
                    writer.writeStartElement(ATOM_NS, "author");
                    atomElement(writer, "name", author.displayName());
                    if (author.slug() != null) {
                        atomElement(writer, "uri", links.author(author.slug()));
                    }
                    writer.writeEndElement();
                }
                for (String tag : tags(item)) {
                    writer.writeEmptyElement(ATOM_NS, "category");
                    writer.writeAttribute("term", tag);
                }
                if (item.dek() != null && !item.dek().isBlank()) {
                    writer.writeStartElement(ATOM_NS, "summary");
                    writer.writeAttribute("type", "text");
                    writer.writeCharacters(item.dek());
                    writer.writeEndElement();
                }
                if (config.feed().fullContent() && item.bodyHtml() != null) {
                    writer.writeStartElement(ATOM_NS, "content");
                    writer.writeAttribute("type", "html");
                    writer.writeCharacters(item.bodyHtml());
                    writer.writeEndElement();
                }
                writer.writeEndElement();
            }
            writer.writeEndElement();
        });
    }

    /** JSON Feed 1.1: every item has {@code content_html} (full content) or {@code content_text} (the dek, else the headline). */
    private byte[] jsonFeed(FeedScope scope, List<Entry> items) {
        boolean full = config.feed().fullContent();
        List<JsonFeedItem> feedItems = items.stream().map(item -> new JsonFeedItem(item.id().toString(), links.article(item.slug()),
                item.headline(), full && item.bodyHtml() != null ? item.bodyHtml() : null,
                full && item.bodyHtml() != null ? null : item.dek() != null && !item.dek().isBlank() ? item.dek() : item.headline(),
                item.dek(), item.heroImage() == null ? null : item.heroImage().url(), seconds(item.publishedAt()), seconds(updated(item)),
                bylines(item).isEmpty() ? null : bylines(item).stream()
                        .map(author -> new JsonFeedAuthor(author.displayName(), author.slug() == null ? null : links.author(author.slug()))).toList(),
                tags(item).isEmpty() ? null : tags(item))).toList();
        try {
            return json.writeValueAsBytes(new JsonFeed("https://jsonfeed.org/version/1.1", title(scope), links.home(),
                    selfUrl(scope, Format.JSON), config.feed().description(), config.feed().language(), feedItems));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a JSON feed", e);
        }
    }

    private static void atomElement(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(ATOM_NS, name);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    private static void atomLink(XMLStreamWriter writer, String rel, String type, String href) throws XMLStreamException {
        writer.writeEmptyElement(ATOM_NS, "link");
        writer.writeAttribute("rel", rel);
        writer.writeAttribute("type", type);
        writer.writeAttribute("href", href);
    }

    private static List<Byline> bylines(Entry item) {
        return item.authors() == null ? List.of() : item.authors().stream().filter(a -> a.displayName() != null).toList();
    }

    private static List<String> tags(Entry item) {
        return item.tags() == null ? List.of() : item.tags();
    }

    private static Instant updated(Entry item) {
        return item.updatedAt() != null ? item.updatedAt() : item.publishedAt();
    }

    private static Instant lastChange(List<Entry> items) {
        return items.stream().map(PublicFeeds::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static Instant seconds(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** RFC 3339 to the second, in UTC (Atom's dates, W3C datetime). */
    static String w3c(Instant at) {
        return seconds(at).toString();
    }

    private static String rfc822(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private List<Entry> read(Answer response, String what) {
        PublicContent.check(response, what);
        try {
            Entries read = entries.readValue(response.body());
            return read.items() == null ? List.of() : read.items();
        } catch (IOException e) {
            throw new BackendException(502, "The articles service sent an unreadable answer");
        }
    }
}
