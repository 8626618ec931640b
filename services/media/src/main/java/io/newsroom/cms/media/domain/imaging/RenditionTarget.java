package io.newsroom.cms.media.domain.imaging;

import java.util.Objects;

/**
 * A rendition asked for: a width (capped at the crop's own width, so never upscaled), a shape and the point the crop
 * keeps.
 */
public record RenditionTarget(int width, AspectRatio ratio, FocalPoint focus) {
    public RenditionTarget {
        if (width < 1) {
            throw new IllegalArgumentException("A rendition is at least 1 pixel wide, not " + width);
        }
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(focus, "focus");
    }

    /** Where this rendition's window lies in an upright picture of {@code width} × {@code height}. */
    public CropWindow cropIn(int imageWidth, int imageHeight) {
        return CropWindow.of(imageWidth, imageHeight, ratio, focus);
    }
}
