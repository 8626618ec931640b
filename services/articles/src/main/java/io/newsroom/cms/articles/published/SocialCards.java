package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The rendition a social card shows of a media library picture: its widest landscape crop ({@code 16x9}; social
 * networks show about 1.91:1 and cut 16:9 the least of the library's shapes) at the first offered width of at least
 * {@link #WIDTH} (networks ask for about 1200 pixels; a smaller picture gives its widest), as a JPEG (every network
 * reads it). Read from the media service's public view of the picture, as copied here.
 */
public final class SocialCards {
    /** The width social networks ask for, or the next one offered above it. */
    public static final int WIDTH = 1200;
    /** The crop a card shows. */
    public static final String SHAPE = "16x9";

    private SocialCards() {
    }

    /** A rendition: its URL and its size in pixels. */
    public record Crop(String url, int width, int height) {
    }

    /** The card's rendition of {@code picture} (the media service's public view), or empty when it names none. */
    public static Optional<Crop> crop(JsonNode picture) {
        JsonNode shape = picture.path("renditions").path(SHAPE);
        int cropWidth = shape.path("width").asInt();
        int cropHeight = shape.path("height").asInt();
        if (cropWidth <= 0 || cropHeight <= 0) {
            return Optional.empty();
        }
        String url = null;
        int width = 0;
        for (String candidate : shape.path("srcset").path("jpg").asText("").split(",")) {
            String[] parts = candidate.trim().split("\\s+");
            if (parts.length != 2 || !parts[1].endsWith("w")) {
                continue;
            }
            int offered;
            try {
                offered = Integer.parseInt(parts[1].substring(0, parts[1].length() - 1));
            } catch (NumberFormatException e) {
                continue;
            }
            // the smallest at least WIDTH wide; below WIDTH, the widest
            boolean better = url == null || (width < WIDTH ? offered > width : offered >= WIDTH && offered < width);
            if (better) {
                url = parts[0];
                width = offered;
            }
        }
        if (url == null) {
            if (!shape.hasNonNull("src")) {
                return Optional.empty();
            }
            url = shape.path("src").asText();
            width = 1024; // the media service's default rendition width
        }
        // a rendition is never wider than its crop; its height keeps the crop's shape
        int shown = Math.min(width, cropWidth);
        return Optional.of(new Crop(url, shown, Math.max(1, (int) Math.round((double) shown * cropHeight / cropWidth))));
    }
}
