package io.newsroom.cms.media.domain.imaging;

/** The shapes renditions are cut to; {@link #ORIGINAL} keeps the picture's own and cuts nothing. */
public enum AspectRatio {
    ORIGINAL(0, 0), WIDE(16, 9), CLASSIC(4, 3), SQUARE(1, 1);

    private final int width;
    private final int height;

    AspectRatio(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The ratio's width part (16 of 16:9); 0 for {@link #ORIGINAL}. */
    public int width() {
        return width;
    }

    /** The ratio's height part (9 of 16:9); 0 for {@link #ORIGINAL}. */
    public int height() {
        return height;
    }

    /** How URLs and the API name it: {@code original}, {@code 16x9}, {@code 4x3}, {@code 1x1}. */
    public String token() {
        return this == ORIGINAL ? "original" : width + "x" + height;
    }
}
