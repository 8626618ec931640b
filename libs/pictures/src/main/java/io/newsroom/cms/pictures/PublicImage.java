package io.newsroom.cms.pictures;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An image as readers get it in the public API: a library picture with its size, {@code srcset}-ready rendition URLs
 * (by format) and the crops ({@code renditions}: {@code original}, {@code 16x9}, {@code 4x3}, {@code 1x1}), or a pasted
 * URL with only {@code url} and the words typed with it.
 */
public record PublicImage(String url, String alt, String caption, String credit, UUID mediaId, Integer width,
                          Integer height, Map<String, String> srcset, JsonNode renditions) {

    /** A pasted URL (no library picture): what was typed, nothing more; null without a URL. */
    public static PublicImage pasted(String url, String alt, String caption, String credit) {
        return url == null ? null : new PublicImage(url, alt, caption, credit, null, null, null, null, null);
    }

    /**
     * Library picture {@code mediaId} from {@code picture} (the media service's public view, as copied): the words given
     * where it is shown come first ({@code alt}, {@code caption}, {@code credit}), the library's otherwise.
     */
    public static PublicImage of(UUID mediaId, JsonNode picture, String fallbackUrl, String alt, String caption, String credit) {
        JsonNode original = picture.path("renditions").path("original");
        Map<String, String> srcset = new LinkedHashMap<>();
        original.path("srcset").fields().forEachRemaining(f -> srcset.put(f.getKey(), f.getValue().asText()));
        return new PublicImage(original.hasNonNull("src") ? original.path("src").asText() : fallbackUrl,
                firstWords(alt, text(picture, "alt")), firstWords(caption, text(picture, "caption")),
                firstWords(credit, text(picture, "credit")), mediaId, picture.path("width").asInt(),
                picture.path("height").asInt(), srcset, picture.path("renditions"));
    }

    /** Whether readers who cannot see the picture get words for it: {@code alt} here, else the library's. */
    public static boolean described(String alt, JsonNode picture) {
        return !blank(alt) || (picture != null && !blank(text(picture, "alt")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String firstWords(String own, String library) {
        return blank(own) ? library : own;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
