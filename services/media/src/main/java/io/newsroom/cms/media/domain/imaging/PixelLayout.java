package io.newsroom.cms.media.domain.imaging;

import javax.imageio.ImageTypeSpecifier;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SampleModel;
import java.util.Optional;

/**
 * The ways of holding pixels that the {@link AreaAverageScaler} reads as they are, so a decoded picture needs no
 * converted copy: what the readers give for nearly every upload (JPEG and PNG colour: 3 bytes a pixel; with alpha: 4;
 * grey: 1), and the scaler's own output. Anything else (16-bit PNG, palettes, GIF) is converted once after decoding.
 */
enum PixelLayout {
    INT_RGB(BufferedImage.TYPE_INT_RGB, 4, false),
    INT_ARGB(BufferedImage.TYPE_INT_ARGB, 4, true),
    /** {@code TYPE_3BYTE_BGR}: the JPEG reader's and the PNG reader's colour pictures; and the scaler's own, red first. */
    BYTE_RGB(BufferedImage.TYPE_3BYTE_BGR, 3, false),
    /** {@code TYPE_4BYTE_ABGR}: PNG and WebP with alpha (not premultiplied). */
    BYTE_ARGB(BufferedImage.TYPE_4BYTE_ABGR, 4, true),
    /** {@code TYPE_BYTE_GRAY}: repeated into red, green and blue as Java2D draws it (no gamma change). */
    BYTE_GREY(BufferedImage.TYPE_BYTE_GRAY, 1, false);

    private final int imageType;
    private final int bytesPerPixel;
    private final boolean alpha;

    PixelLayout(int imageType, int bytesPerPixel, boolean alpha) {
        this.imageType = imageType;
        this.bytesPerPixel = bytesPerPixel;
        this.alpha = alpha;
    }

    /** The layout of {@code image}, if the scaler reads it as it is. */
    static Optional<PixelLayout> of(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_CUSTOM && rgbBytes(image)) {
            return Optional.of(BYTE_RGB); // the scaler's own output: red, green, blue
        }
        return ofType(image.getType());
    }

    /** 3 bytes a pixel of sRGB, without alpha, in any order. */
    private static boolean rgbBytes(BufferedImage image) {
        return image.getColorModel() instanceof ComponentColorModel model && model.getColorSpace().isCS_sRGB()
                && !model.hasAlpha() && model.getTransferType() == DataBuffer.TYPE_BYTE
                && image.getSampleModel() instanceof PixelInterleavedSampleModel samples && samples.getNumBands() == 3
                && samples.getPixelStride() == 3 && image.getRaster().getDataBuffer().getNumBanks() == 1;
    }

    private static Optional<PixelLayout> ofType(int bufferedImageType) {
        for (PixelLayout layout : values()) {
            if (layout.imageType == bufferedImageType) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    int bytesPerPixel() {
        return bytesPerPixel;
    }

    boolean alpha() {
        return alpha;
    }

    /**
     * The bytes a pixel takes at the peak of decoding into {@code decoded} (what the reader gives by default): its own
     * size if the scaler reads it as it is, else its size plus the 4 bytes of the converted copy.
     */
    static int decodingBytesPerPixel(ImageTypeSpecifier decoded) {
        Optional<PixelLayout> layout = ofType(decoded.getBufferedImageType());
        if (layout.isPresent()) {
            return layout.get().bytesPerPixel;
        }
        SampleModel one = decoded.getSampleModel(1, 1);
        int bits = one.getNumDataElements() * DataBuffer.getDataTypeSize(one.getTransferType());
        return Math.max(1, (bits + 7) / 8) + 4;
    }
}
