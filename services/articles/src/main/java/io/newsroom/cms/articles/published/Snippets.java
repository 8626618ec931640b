package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.Raw;

/**
 * A search result's passage as readers get it: {@code ts_headline}'s text is the article's own, so it is HTML-escaped
 * here, and only then are the matches (between {@link PublishedReads#MARK_START} and {@link PublishedReads#MARK_END},
 * characters no escaped text contains) turned into {@code <mark>…</mark>}. The only markup in a snippet is that.
 */
final class Snippets {
    private Snippets() {
    }

    /** {@code item} (a stored list item, a JSON object) with {@code "snippet"} added; as it was when there is none. */
    static Raw add(Raw item, String headline) {
        String snippet = html(headline);
        if (snippet == null) {
            return item;
        }
        return item.with("snippet", snippet);
    }

    /** The passage as HTML with its matches marked; null for no passage. */
    static String html(String headline) {
        if (headline == null || headline.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(headline.length() + 32);
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case PublishedReads.MARK_START -> out.append("<mark>");
                case PublishedReads.MARK_END -> out.append("</mark>");
                default -> out.append(Character.isISOControl(c) ? ' ' : c); // line breaks too: one line of text
            }
        }
        return out.toString().replaceAll(" {2,}", " ").trim();
    }
}
