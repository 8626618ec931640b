package io.newsroom.cms.media.domain.imaging;

/** A rendition's size in pixels. */
public record RenditionSize(int width, int height) {
}
