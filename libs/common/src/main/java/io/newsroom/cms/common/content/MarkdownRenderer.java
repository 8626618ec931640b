package io.newsroom.cms.common.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.List;

/**
 * Markdown → HTML that is safe to put into a reader's page. Two independent layers: commonmark escapes raw HTML
 * and drops unsafe link protocols, then jsoup's allow-list cleaner removes anything that is not plain structure
 * (scripts, event handlers, styles, {@code javascript:}/{@code data:} URLs), whatever got past the first layer.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("div", "span")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "https", "http")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private static final Cleaner CLEANER = new Cleaner(SAFELIST);
    /**
     * Rendering + cleaning costs about a millisecond per article body, and the same bodies are read over and over
     * (published views, author boxes): remember recent results, bounded by ~32 MB of source text.
     */
    private static final Cache<String, String> RENDERED = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024).weigher((String markdown, String html) -> markdown.length() + html.length())
            .build();

    private MarkdownRenderer() {
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERED.get(markdown, MarkdownRenderer::render);
    }

    private static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        Document clean = CLEANER.clean(Jsoup.parseBodyFragment(html));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
