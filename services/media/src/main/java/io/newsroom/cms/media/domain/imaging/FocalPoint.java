package io.newsroom.cms.media.domain.imaging;

/**
 * The point of a picture a crop must keep (a face, the ball), as fractions of the upright width and height from the
 * top-left corner: (0, 0) is the top-left, (1, 1) the bottom-right.
 */
public record FocalPoint(double x, double y) {
    public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

    public FocalPoint {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("A focal point is two fractions between 0 and 1, not (" + x + ", " + y + ")");
        }
    }
}
