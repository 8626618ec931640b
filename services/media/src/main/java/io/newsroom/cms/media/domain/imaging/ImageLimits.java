package io.newsroom.cms.media.domain.imaging;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How big an original may be, checked on the size its header claims before anything is decoded: a few kilobytes
 * can claim a picture that takes gigabytes to decode (a decompression bomb), and decoding allocates the whole picture
 * at once.
 *
 * @param maxPixels the most pixels (width × height)
 * @param maxSide   the longest side allowed, in pixels
 */
public record ImageLimits(long maxPixels, int maxSide) {
    /**
     * 50 megapixels, and 16,383 pixels a side: the largest side a WebP can hold, so every rendition of an accepted
     * original can be written as WebP.
     */
    public static final ImageLimits DEFAULT = new ImageLimits(50_000_000L, 16_383);

    public ImageLimits {
        if (maxPixels < 1 || maxSide < 1) {
            throw new IllegalArgumentException("Image limits must be positive: " + maxPixels + " pixels, " + maxSide + " a side");
        }
    }

    /** The same side limit with another pixel limit (the service's configured one). */
    public static ImageLimits ofPixels(long maxPixels) {
        return new ImageLimits(maxPixels, DEFAULT.maxSide);
    }

    /** Refuses a picture of {@code width} × {@code height} that is over either limit. */
    public void check(int width, int height) {
        if ((long) width * height > maxPixels) {
            throw tooLarge(width, height, "the limit is " + megapixels() + " megapixels");
        }
        if (Math.max(width, height) > maxSide) {
            throw tooLarge(width, height, "no side may be longer than " + maxSide + " pixels");
        }
    }

    private static ImageRefused tooLarge(int width, int height, String limit) {
        return new ImageRefused(ImageRefused.Reason.TOO_LARGE,
                String.format(Locale.ROOT, "The image is %d × %d pixels; %s.", width, height, limit));
    }

    private String megapixels() {
        return BigDecimal.valueOf(maxPixels).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
}
