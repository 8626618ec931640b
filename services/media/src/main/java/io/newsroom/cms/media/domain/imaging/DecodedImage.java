package io.newsroom.cms.media.domain.imaging;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An original's pixels as the file stores them (not yet turned by its orientation: renditions are turned as they are
 * written), with what its probe said of it. Not to be modified.
 *
 * @param probe  the original's type, upright size and orientation
 * @param stored the pixels in the file's orientation, in a layout the scaler reads as it is (mostly the reader's own:
 *               3 bytes a pixel for a colour JPEG, 1 for grey, 4 with alpha)
 */
public record DecodedImage(ProbedImage probe, BufferedImage stored) {
    public DecodedImage {
        Objects.requireNonNull(probe, "probe");
        if (PixelLayout.of(stored).isEmpty()) {
            throw new IllegalArgumentException("Decoded pixels of type " + stored.getType() + " are not a layout the scaler reads");
        }
    }

    public Orientation orientation() {
        return probe.orientation();
    }

    /** The width as meant to be seen. */
    public int width() {
        return orientation().swapsSides() ? stored.getHeight() : stored.getWidth();
    }

    /** The height as meant to be seen. */
    public int height() {
        return orientation().swapsSides() ? stored.getWidth() : stored.getHeight();
    }

    /** Whether the picture has transparent parts. */
    public boolean hasAlpha() {
        return stored.getColorModel().hasAlpha();
    }

    /** The bytes its pixels take. */
    public long bytes() {
        return (long) stored.getWidth() * stored.getHeight() * PixelLayout.of(stored).orElseThrow().bytesPerPixel();
    }

    /** {@code window} (in upright pixels) at {@code width} × {@code height}, upright, in the scaler's layout ({@link AreaAverageScaler#newTarget}). */
    BufferedImage scaled(CropWindow window, int width, int height) {
        Rectangle inStored = orientation().storedWindow(window, stored.getWidth(), stored.getHeight());
        return AreaAverageScaler.scale(stored, inStored, orientation(), width, height);
    }

    /**
     * The whole picture upright, as a new image in the scaler's layout (3 bytes a pixel, or {@code TYPE_INT_ARGB} with
     * alpha): a full copy, which renditions never need.
     */
    public BufferedImage upright() {
        return scaled(new CropWindow(0, 0, width(), height()), width(), height());
    }
}
