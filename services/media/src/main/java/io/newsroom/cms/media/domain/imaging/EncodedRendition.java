package io.newsroom.cms.media.domain.imaging;

/**
 * A written rendition.
 *
 * @param target what was asked for
 * @param format what it is written in
 * @param width  its actual width (the asked one, or less where the crop is narrower)
 * @param height its actual height
 * @param bytes  the file (shared with any other target that came out the same; not to be modified)
 */
public record EncodedRendition(RenditionTarget target, OutputFormat format, int width, int height, byte[] bytes) {
}
