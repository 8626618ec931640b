package io.newsroom.cms.media.domain.imaging;

/**
 * What an original is, read from its signature, header and EXIF without decoding its pixels.
 *
 * @param type                  the type its bytes show
 * @param width                 the width as it is meant to be seen (after {@code orientation})
 * @param height                the height as it is meant to be seen
 * @param orientation           how the stored pixels are turned relative to that
 * @param alpha                 whether its pixels have an alpha channel (its renditions then take 4 bytes a pixel, else 3)
 * @param decodingBytesPerPixel the heap a pixel takes at the peak of decoding it (3 for a colour JPEG, see
 *                              {@link PixelLayout#decodingBytesPerPixel})
 */
public record ProbedImage(ImageType type, int width, int height, Orientation orientation, boolean alpha, int decodingBytesPerPixel) {
    /** The probe of a picture stored {@code storedWidth} × {@code storedHeight}, its sides swapped if the orientation turns it. */
    static ProbedImage ofStored(ImageType type, int storedWidth, int storedHeight, Orientation orientation, boolean alpha,
                                int bytesPerPixel) {
        return orientation.swapsSides()
                ? new ProbedImage(type, storedHeight, storedWidth, orientation, alpha, bytesPerPixel)
                : new ProbedImage(type, storedWidth, storedHeight, orientation, alpha, bytesPerPixel);
    }

    public String mimeType() {
        return type.mimeType();
    }

    /** The extension the original is stored with, without the dot. */
    public String extension() {
        return type.extension();
    }

    /** The heap its decoded pixels take at the peak of decoding. */
    public long decodingBytes() {
        return (long) width * height * decodingBytesPerPixel;
    }
}
