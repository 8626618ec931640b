package io.newsroom.cms.media.domain.imaging;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a picture: how the camera stored it relative to how it is meant to be seen (phones store
 * a portrait photo as a landscape one with orientation 6). Renditions carry no metadata, so the turn must be made in
 * the pixels, or the photo shows on its side.
 */
public enum Orientation {
    NORMAL(1), FLIP_HORIZONTAL(2), ROTATE_180(3), FLIP_VERTICAL(4),
    TRANSPOSE(5), ROTATE_90_CLOCKWISE(6), TRANSVERSE(7), ROTATE_90_COUNTERCLOCKWISE(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    /** The orientation an EXIF tag value names; anything outside 1–8 (a broken tag) is taken as upright. */
    public static Orientation ofExif(int value) {
        for (Orientation orientation : values()) {
            if (orientation.exifValue == value) {
                return orientation;
            }
        }
        return NORMAL;
    }

    public int exifValue() {
        return exifValue;
    }

    /** Whether the upright picture is the stored one turned a quarter: its width is the stored height. */
    public boolean swapsSides() {
        return exifValue >= 5;
    }

    /**
     * The picture as it is meant to be seen, as a new {@code TYPE_INT_ARGB} image if it has alpha and
     * {@code TYPE_INT_RGB} if not (the decoders' many pixel layouts become the two the scaler and writers know).
     */
    public BufferedImage upright(BufferedImage stored) {
        boolean alpha = stored.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (this == NORMAL && stored.getType() == type) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        BufferedImage upright = swapsSides() ? new BufferedImage(h, w, type) : new BufferedImage(w, h, type);
        Graphics2D g = upright.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(stored, transform(w, h), null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /** Maps a stored picture of {@code w} × {@code h} onto the upright one (whole-pixel moves only, nothing resampled). */
    private AffineTransform transform(int w, int h) {
        // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case FLIP_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case FLIP_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, h);
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATE_90_CLOCKWISE -> new AffineTransform(0, 1, -1, 0, h, 0);
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);
            case ROTATE_90_COUNTERCLOCKWISE -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
    }
}
