package io.newsroom.cms.media.domain.imaging;

import java.awt.Rectangle;

/**
 * The EXIF orientation of a picture: how the camera stored it relative to how it is meant to be seen (phones store
 * a portrait photo as a landscape one with orientation 6). Renditions carry no metadata, so the turn must be made in
 * the pixels, or the photo shows on its side. It is made on the renditions as they are written
 * ({@link AreaAverageScaler}), never on a copy of the whole original.
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

    /** The column where stored pixel ({@code x}, {@code y}) of a {@code w} × {@code h} picture is seen. */
    int toUprightX(int x, int y, int w, int h) {
        return switch (this) {
            case NORMAL, FLIP_VERTICAL -> x;
            case FLIP_HORIZONTAL, ROTATE_180 -> w - 1 - x;
            case TRANSPOSE, ROTATE_90_COUNTERCLOCKWISE -> y;
            case ROTATE_90_CLOCKWISE, TRANSVERSE -> h - 1 - y;
        };
    }

    /** The row where stored pixel ({@code x}, {@code y}) of a {@code w} × {@code h} picture is seen. */
    int toUprightY(int x, int y, int w, int h) {
        return switch (this) {
            case NORMAL, FLIP_HORIZONTAL -> y;
            case ROTATE_180, FLIP_VERTICAL -> h - 1 - y;
            case TRANSPOSE, ROTATE_90_CLOCKWISE -> x;
            case TRANSVERSE, ROTATE_90_COUNTERCLOCKWISE -> w - 1 - x;
        };
    }

    /**
     * Where the upright pixels of {@code window} lie in the stored picture of {@code storedWidth} × {@code storedHeight}
     * (whole pixels: every turn and flip moves pixels without resampling them).
     */
    Rectangle storedWindow(CropWindow window, int storedWidth, int storedHeight) {
        int[] corner = toStored(window.x(), window.y(), storedWidth, storedHeight);
        int[] opposite = toStored(window.x() + window.width() - 1, window.y() + window.height() - 1, storedWidth, storedHeight);
        int x = Math.min(corner[0], opposite[0]);
        int y = Math.min(corner[1], opposite[1]);
        return new Rectangle(x, y, Math.abs(opposite[0] - corner[0]) + 1, Math.abs(opposite[1] - corner[1]) + 1);
    }

    /** The stored pixel seen at upright ({@code x}, {@code y}), the stored picture {@code w} × {@code h}. */
    private int[] toStored(int x, int y, int w, int h) {
        return switch (this) {
            case NORMAL -> new int[]{x, y};
            case FLIP_HORIZONTAL -> new int[]{w - 1 - x, y};
            case ROTATE_180 -> new int[]{w - 1 - x, h - 1 - y};
            case FLIP_VERTICAL -> new int[]{x, h - 1 - y};
            case TRANSPOSE -> new int[]{y, x};
            case ROTATE_90_CLOCKWISE -> new int[]{y, h - 1 - x};
            case TRANSVERSE -> new int[]{w - 1 - y, h - 1 - x};
            case ROTATE_90_COUNTERCLOCKWISE -> new int[]{w - 1 - y, x};
        };
    }
}
