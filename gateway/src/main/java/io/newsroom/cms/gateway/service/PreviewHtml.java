package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The preview page readers of a preview link get, written as HTML here (no script, nothing to log in to): the revision
 * as a reader would see it under a banner that says it is an unpublished preview, and the one page for every link
 * that opens nothing. Every value is escaped; the body is the articles service's sanitized HTML (the same renderer and
 * allow-list as published articles), put in as it came. Addresses of pictures are taken only as http(s) or a path on
 * this host. Styles carry the response's CSP nonce: the page loads nothing but its pictures.
 */
public final class PreviewHtml {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Pattern SAFE_URL = Pattern.compile("(https?://[^\\s\"'<>]+|/(?!/)[^\\s\"'<>]*)");

    private PreviewHtml() {
    }

    /** The Content-Security-Policy of every preview answer, with this response's nonce for its one style element. */
    public static String contentSecurityPolicy(String nonce) {
        return "default-src 'none'; img-src 'self' https: http:; style-src 'nonce-" + nonce + "'; base-uri 'none';"
                + " form-action 'none'; frame-ancestors 'none'";
    }

    /** The page of a preview document as the articles service answers it ({@code PreviewDocument}). */
    public static String article(JsonNode doc, String nonce) {
        String headline = text(doc, "headline");
        StringBuilder html = new StringBuilder(8192);
        head(html, "Preview: " + (headline == null ? "untitled" : headline), nonce);
        html.append("<header class=\"banner\" data-testid=\"preview-banner\"><p><strong class=\"flag\">Preview</strong>")
                .append(" <span>Not published. You are seeing revision ").append(doc.path("revision").asInt())
                .append(" of an unpublished article");
        String saved = when(text(doc, "savedAt"));
        if (saved != null) {
            html.append(", as saved on ").append(esc(saved));
        }
        html.append(".</span></p><p><span>This private link works until ").append(esc(when(text(doc, "expiresAt"))))
                .append(". Please do not share or publish what you read here.</span></p></header>\n");
        html.append("<main><article>");
        String section = text(doc.path("section"), "name");
        if (section != null) {
            html.append("<p class=\"kicker\">").append(esc(section)).append("</p>");
        }
        html.append("<h1>").append(esc(headline == null ? "Untitled" : headline)).append("</h1>");
        String dek = text(doc, "dek");
        if (dek != null) {
            html.append("<p class=\"dek\">").append(esc(dek)).append("</p>");
        }
        String byline = byline(doc.path("byline"));
        if (!byline.isEmpty()) {
            html.append("<p class=\"byline\">By ").append(byline).append("</p>");
        }
        hero(html, doc.path("heroImage"));
        html.append("<div class=\"body\" data-testid=\"preview-body\">").append(doc.path("bodyHtml").asText("")).append("</div>");
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add("<li>" + esc(t.asText()) + "</li>"));
        if (!tags.isEmpty()) {
            html.append("<footer><h2>Tags</h2><ul class=\"tags\">").append(String.join("", tags)).append("</ul></footer>");
        }
        html.append("</article></main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The one page for every address that opens nothing: unknown, mistyped, altered, expired or revoked alike. */
    public static String notFound(String nonce) {
        StringBuilder html = new StringBuilder(2048);
        head(html, "Preview not available", nonce);
        html.append("<main class=\"gone\"><h1>This preview is not available</h1><p>The link may be incomplete or mistyped,")
                .append(" or it may have expired or been withdrawn.</p><p>If someone sent it to you, ask them for a new one.</p>")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** While the articles service cannot be asked: the same for every link. */
    public static String unavailable(String nonce) {
        StringBuilder html = new StringBuilder(2048);
        head(html, "Preview unavailable", nonce);
        html.append("<main class=\"gone\"><h1>The preview cannot be shown right now</h1><p>Please try again in a minute.</p>")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void head(StringBuilder html, String title, String nonce) {
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<style nonce=\"").append(esc(nonce)).append("\">").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static void hero(StringBuilder html, JsonNode hero) {
        String url = safeUrl(text(hero, "url"));
        if (url == null) {
            return;
        }
        html.append("<figure class=\"hero\"><picture>");
        String webp = safeSrcset(text(hero.path("srcset"), "webp"));
        if (webp != null) {
            html.append("<source type=\"image/webp\" srcset=\"").append(esc(webp)).append("\" sizes=\"(max-width: 760px) 100vw, 720px\">");
        }
        html.append("<img src=\"").append(esc(url)).append("\" alt=\"").append(esc(orEmpty(text(hero, "alt")))).append('"');
        String jpg = safeSrcset(text(hero.path("srcset"), "jpg"));
        if (jpg != null) {
            html.append(" srcset=\"").append(esc(jpg)).append("\" sizes=\"(max-width: 760px) 100vw, 720px\"");
        }
        if (hero.path("width").canConvertToInt() && hero.path("height").canConvertToInt() && hero.path("width").asInt() > 0) {
            html.append(" width=\"").append(hero.path("width").asInt()).append("\" height=\"").append(hero.path("height").asInt()).append('"');
        }
        html.append("></picture>");
        String caption = text(hero, "caption");
        String credit = text(hero, "credit");
        if (caption != null || credit != null) {
            html.append("<figcaption>");
            if (caption != null) {
                html.append(esc(caption));
            }
            if (credit != null) {
                html.append(caption != null ? " " : "").append("<span class=\"credit\">").append(esc(credit)).append("</span>");
            }
            html.append("</figcaption>");
        }
        html.append("</figure>");
    }

    /** "Jane Doe, Correspondent, and Sam Lee": names in byline order, job title and organisation after each. */
    private static String byline(JsonNode names) {
        List<String> parts = new ArrayList<>();
        for (JsonNode name : names) {
            String display = text(name, "displayName");
            if (display == null) {
                continue;
            }
            StringBuilder one = new StringBuilder("<span class=\"author\">").append(esc(display)).append("</span>");
            List<String> role = new ArrayList<>();
            if (text(name, "jobTitle") != null) {
                role.add(esc(text(name, "jobTitle")));
            }
            if (text(name, "organization") != null) {
                role.add(esc(text(name, "organization")));
            }
            if (!role.isEmpty()) {
                one.append(" <span class=\"role\">(").append(String.join(", ", role)).append(")</span>");
            }
            parts.add(one.toString());
        }
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static String safeUrl(String url) {
        return url != null && SAFE_URL.matcher(url).matches() ? url : null;
    }

    /** A srcset whose every candidate's address is a safe one, or null. */
    static String safeSrcset(String srcset) {
        if (srcset == null || srcset.isBlank()) {
            return null;
        }
        for (String candidate : srcset.split(",")) {
            String address = candidate.trim().split("\\s+")[0];
            if (safeUrl(address) == null) {
                return null;
            }
        }
        return srcset;
    }

    static String when(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Text for HTML content and double-quoted attributes. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            :root{color-scheme:light}
            body{margin:0;background:#fbfaf7;color:#1d1d1f;font:18px/1.6 Georgia,'Times New Roman',serif}
            .banner{background:#fff3c4;border-bottom:3px solid #8a6100;color:#3d2b00;padding:.75rem 1rem;font:15px/1.5 system-ui,sans-serif}
            .banner p{max-width:720px;margin:.2rem auto}
            .flag{display:inline-block;background:#3d2b00;color:#fff;padding:.05rem .5rem;border-radius:3px;text-transform:uppercase;letter-spacing:.06em;font-size:13px}
            main{max-width:720px;margin:0 auto;padding:1.5rem 1rem 4rem}
            .kicker{font:600 14px/1.4 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.08em;color:#8a1c1c;margin:0}
            h1{font-size:2.2rem;line-height:1.2;margin:.3rem 0 .6rem}
            .dek{font-size:1.25rem;color:#3a3a3c;margin:0 0 1rem}
            .byline{font:15px/1.5 system-ui,sans-serif;color:#3a3a3c}
            .author{font-weight:600;color:#1d1d1f}
            .hero{margin:1.2rem 0}
            .hero img{display:block;width:100%;height:auto;background:#e5e5ea}
            figcaption{font:14px/1.5 system-ui,sans-serif;color:#48484a;margin-top:.4rem}
            .credit{color:#5a5a5e}
            .body img{max-width:100%;height:auto}
            .body blockquote{border-left:4px solid #c7c7cc;margin:1rem 0;padding:.1rem 1rem;color:#3a3a3c}
            .body a{color:#0b57d0}
            footer h2{font:600 14px/1.4 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:#48484a}
            .tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
            .tags li{font:14px/1.4 system-ui,sans-serif;background:#ececf0;border-radius:999px;padding:.15rem .7rem}
            .gone{font-family:system-ui,sans-serif;text-align:center;padding-top:4rem}
            """;
}
