package io.newsroom.cms.media.domain.imaging;

/**
 * What an original is, read from its signature, header and EXIF without decoding its pixels.
 *
 * @param type        the type its bytes show
 * @param width       the width as it is meant to be seen (after {@code orientation})
 * @param height      the height as it is meant to be seen
 * @param orientation how the stored pixels are turned relative to that
 */
public record ProbedImage(ImageType type, int width, int height, Orientation orientation) {
    /** The probe of a picture stored {@code storedWidth} × {@code storedHeight}, its sides swapped if the orientation turns it. */
    static ProbedImage ofStored(ImageType type, int storedWidth, int storedHeight, Orientation orientation) {
        return orientation.swapsSides()
                ? new ProbedImage(type, storedHeight, storedWidth, orientation)
                : new ProbedImage(type, storedWidth, storedHeight, orientation);
    }

    public String mimeType() {
        return type.mimeType();
    }

    /** The extension the original is stored with, without the dot. */
    public String extension() {
        return type.extension();
    }
}
