package io.newsroom.cms.media.domain.imaging;

import java.awt.image.BufferedImage;

/**
 * The part of an upright picture a rendition shows: the largest window of the asked ratio, centred on the focal point
 * and moved back inside the picture where the focal point is near an edge (so the window never shrinks or leaves the
 * picture, and the focal point is as central as the edges allow).
 */
public record CropWindow(int x, int y, int width, int height) {
    public static CropWindow of(int imageWidth, int imageHeight, AspectRatio ratio, FocalPoint focus) {
        if (ratio == AspectRatio.ORIGINAL) {
            return new CropWindow(0, 0, imageWidth, imageHeight);
        }
        int width = imageWidth;
        int height = imageHeight;
        if ((long) imageWidth * ratio.height() > (long) imageHeight * ratio.width()) {
            width = clamp(Math.round((float) imageHeight * ratio.width() / ratio.height()), 1, imageWidth);
        } else {
            height = clamp(Math.round((float) imageWidth * ratio.height() / ratio.width()), 1, imageHeight);
        }
        int x = clamp((int) Math.round(focus.x() * imageWidth - width / 2.0), 0, imageWidth - width);
        int y = clamp((int) Math.round(focus.y() * imageHeight - height / 2.0), 0, imageHeight - height);
        return new CropWindow(x, y, width, height);
    }

    /** Whether this window is the whole of a {@code imageWidth} × {@code imageHeight} picture (nothing cut). */
    public boolean isWhole(int imageWidth, int imageHeight) {
        return x == 0 && y == 0 && width == imageWidth && height == imageHeight;
    }

    /** This window of {@code image}, sharing its pixels (nothing is copied). */
    public BufferedImage cut(BufferedImage image) {
        return image.getSubimage(x, y, width, height);
    }

    /**
     * The size of a rendition of this window {@code requestedWidth} wide: never wider than the window (a rendition is
     * never upscaled), its height keeping the window's shape (within a pixel of the ratio).
     */
    public RenditionSize scaledTo(int requestedWidth) {
        int scaledWidth = Math.min(requestedWidth, width);
        int scaledHeight = Math.max(1, (int) Math.round((double) scaledWidth * height / width));
        return new RenditionSize(scaledWidth, scaledHeight);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
