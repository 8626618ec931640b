package io.newsroom.cms.media.domain.imaging;

import java.awt.image.BufferedImage;

/**
 * An original's pixels, upright, with what its probe said of it.
 *
 * @param probe the original's type, upright size and orientation
 * @param image the pixels as meant to be seen: {@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} when the file has alpha
 */
public record DecodedImage(ProbedImage probe, BufferedImage image) {
}
