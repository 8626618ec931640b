package io.newsroom.cms.media.domain.imaging;

import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Downscaling by area averaging: each target pixel is the exact average of the source area it covers (what
 * {@code Image.SCALE_AREA_AVERAGING} computes, at a small fraction of its time). Bilinear and bicubic Java2D scaling
 * look at 2 or 4 source pixels per target pixel whatever the factor, so fine detail (text, fabric, fences) turns into
 * moiré unless scaled in halving steps; area averaging uses every source pixel once, at any factor. Colours are
 * averaged premultiplied by alpha, so transparent pixels do not darken the edges of what is opaque.
 * <p>
 * Reads the pixels as the decoder left them ({@link PixelLayout}: 3 bytes a pixel for most JPEGs, 1 for grey), a
 * window of them, and turns the result upright as it writes it ({@link Orientation}): averaging over a box commutes
 * with flips and quarter turns, so scaling then turning is the same picture as turning then scaling, without an
 * upright copy of the whole original. Streams row by row: memory is a few rows and the target.
 */
final class AreaAverageScaler {
    private static final int OPAQUE = 0xFF000000;

    private AreaAverageScaler() {
    }

    /** {@code source} (upright, in a layout {@link PixelLayout#of} knows, or a window of one) at {@code width} × {@code height}. */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        return scale(source, new Rectangle(0, 0, source.getWidth(), source.getHeight()), Orientation.NORMAL, width, height);
    }

    /**
     * The {@code window} of {@code stored} (in stored pixels; a layout {@link PixelLayout#of} knows), turned by
     * {@code orientation} and scaled to {@code width} × {@code height} (upright pixels): a new {@code TYPE_INT_ARGB}
     * image if the source has alpha, else 3 bytes a pixel ({@link #newTarget}).
     */
    static BufferedImage scale(BufferedImage stored, Rectangle window, Orientation orientation, int width, int height) {
        PixelLayout layout = PixelLayout.of(stored).orElseThrow(() -> new IllegalArgumentException(
                "Not a pixel layout the scaler reads: type " + stored.getType()));
        if (!new Rectangle(stored.getWidth(), stored.getHeight()).contains(window) || window.isEmpty()) {
            throw new IllegalArgumentException("The window " + window + " is not inside " + stored.getWidth() + " × " + stored.getHeight());
        }
        // the target as the source is stored: its sides swapped if the orientation turns it
        int targetWidth = orientation.swapsSides() ? height : width;
        int targetHeight = orientation.swapsSides() ? width : height;
        if (targetWidth < 1 || targetHeight < 1 || targetWidth > window.width || targetHeight > window.height) {
            throw new IllegalArgumentException("Only downscaling: " + window.width + " × " + window.height + " cannot become "
                    + targetWidth + " × " + targetHeight);
        }
        BufferedImage target = newTarget(width, height, layout.alpha());
        new Pass(stored, layout, window, targetWidth, targetHeight, new UprightWriter(target, orientation, targetWidth, targetHeight)).run();
        return target;
    }

    /**
     * A new image of what the scaler makes: {@code TYPE_INT_ARGB} with alpha; else 3 bytes a pixel in red, green, blue
     * order (a quarter smaller than ints, and the order the JPEG writer copies whole lines of).
     */
    static BufferedImage newTarget(int width, int height, boolean alpha) {
        if (alpha) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3, new int[]{0, 1, 2}, null);
        return new BufferedImage(RGB_BYTES, raster, false, null);
    }

    /** The bytes a pixel of what the scaler makes takes. */
    static int outputBytesPerPixel(boolean alpha) {
        return alpha ? 4 : 3;
    }

    private static final ColorModel RGB_BYTES = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
            Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    /**
     * One scaling: source rows narrowed to the target width, then averaged down into target rows, in floats (measured:
     * faster here than fixed point); with alpha, premultiplied.
     */
    private static final class Pass {
        private final Source source;
        private final boolean alpha;
        private final int channels;
        private final Rectangle window;
        private final int targetWidth;
        private final int targetHeight;
        private final UprightWriter out;
        private final Spans columns;

        Pass(BufferedImage stored, PixelLayout layout, Rectangle window, int targetWidth, int targetHeight, UprightWriter out) {
            this.source = new Source(stored.getRaster(), layout);
            this.alpha = layout.alpha();
            this.channels = layout == PixelLayout.BYTE_GREY ? 1 : alpha ? 4 : 3;
            this.window = window;
            this.targetWidth = targetWidth;
            this.targetHeight = targetHeight;
            this.out = out;
            this.columns = new Spans(window.width, targetWidth);
        }

        void run() {
            if (alpha) {
                runPremultiplied();
            } else {
                runOpaque();
            }
        }

        private void runOpaque() {
            int sourceHeight = window.height;
            float[] narrowed = new float[targetWidth * channels];
            float[] sum = new float[targetWidth * channels];
            int[] row = new int[targetWidth];
            int y = 0;
            for (int sourceY = 0; sourceY < sourceHeight; sourceY++) {
                source.narrowOpaque(window.x, window.y + sourceY, columns, narrowed);
                // in units of 1/(sourceHeight·targetHeight): source row sourceY covers [sourceY·targetHeight, +targetHeight),
                // target row y [y·sourceHeight, +sourceHeight)
                long top = (long) sourceY * targetHeight;
                long bottom = top + targetHeight;
                while (y < targetHeight) {
                    long rowTop = (long) y * sourceHeight;
                    long rowBottom = rowTop + sourceHeight;
                    long overlap = Math.min(bottom, rowBottom) - Math.max(top, rowTop);
                    if (overlap > 0) {
                        addScaled(sum, narrowed, (float) overlap / sourceHeight);
                    }
                    if (rowBottom > bottom) {
                        break; // target row y goes on in the next source row
                    }
                    packOpaque(sum, row);
                    out.row(y, row);
                    Arrays.fill(sum, 0);
                    y++;
                }
            }
        }

        private static void addScaled(float[] sum, float[] row, float weight) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += row[i] * weight;
            }
        }

        /** Back to 8-bit channels, rounded; grey repeated into red, green and blue. */
        private void packOpaque(float[] sum, int[] row) {
            if (channels == 1) {
                for (int x = 0; x < row.length; x++) {
                    int v = round(sum[x]);
                    row[x] = OPAQUE | v << 16 | v << 8 | v;
                }
                return;
            }
            for (int x = 0, i = 0; x < row.length; x++, i += 3) {
                row[x] = OPAQUE | round(sum[i]) << 16 | round(sum[i + 1]) << 8 | round(sum[i + 2]);
            }
        }

        private void runPremultiplied() {
            int sourceHeight = window.height;
            float[] narrowed = new float[targetWidth * 4];
            float[] sum = new float[targetWidth * 4];
            int[] row = new int[targetWidth];
            int y = 0;
            for (int sourceY = 0; sourceY < sourceHeight; sourceY++) {
                source.narrowPremultiplied(window.x, window.y + sourceY, columns, narrowed);
                // in units of 1/(sourceHeight·targetHeight): source row sourceY covers [sourceY·targetHeight, +targetHeight),
                // target row y [y·sourceHeight, +sourceHeight)
                long top = (long) sourceY * targetHeight;
                long bottom = top + targetHeight;
                while (y < targetHeight) {
                    long rowTop = (long) y * sourceHeight;
                    long rowBottom = rowTop + sourceHeight;
                    long overlap = Math.min(bottom, rowBottom) - Math.max(top, rowTop);
                    if (overlap > 0) {
                        float weight = (float) overlap / sourceHeight;
                        for (int i = 0; i < sum.length; i++) {
                            sum[i] += narrowed[i] * weight;
                        }
                    }
                    if (rowBottom > bottom) {
                        break;
                    }
                    packPremultiplied(sum, row);
                    out.row(y, row);
                    Arrays.fill(sum, 0);
                    y++;
                }
            }
        }

        /** Back to 8-bit channels, un-premultiplied. */
        private static void packPremultiplied(float[] sum, int[] row) {
            for (int x = 0, i = 0; x < row.length; x++, i += 4) {
                float a = sum[i];
                if (a <= 0) {
                    row[x] = 0;
                    continue;
                }
                row[x] = round(a) << 24 | round(sum[i + 1] / a) << 16 | round(sum[i + 2] / a) << 8 | round(sum[i + 3] / a);
            }
        }

        /** Sums of non-negative 8-bit values weighted to 1: rounds half up and never leaves 0–255. */
        private static int round(float value) {
            return Math.min(255, (int) (value + 0.5f));
        }
    }

    /** Reads a stored picture's rows straight from its data arrays, narrowing each to the target width as it goes. */
    private static final class Source {
        private final PixelLayout layout;
        private final int[] ints;
        private final byte[] bytes;
        private final int base;
        private final int scanline;
        private final int pixelStride;
        private final int red;
        private final int green;
        private final int blue;
        private final int alphaOffset;
        private final int translateX;
        private final int translateY;

        Source(Raster raster, PixelLayout layout) {
            this.layout = layout;
            this.translateX = raster.getSampleModelTranslateX();
            this.translateY = raster.getSampleModelTranslateY();
            if (raster.getSampleModel() instanceof SinglePixelPackedSampleModel packed) {
                DataBufferInt data = (DataBufferInt) raster.getDataBuffer();
                ints = data.getData();
                bytes = null;
                base = data.getOffset();
                scanline = packed.getScanlineStride();
                pixelStride = 1;
                red = green = blue = alphaOffset = 0;
            } else {
                ComponentSampleModel component = (ComponentSampleModel) raster.getSampleModel();
                DataBufferByte data = (DataBufferByte) raster.getDataBuffer();
                ints = null;
                bytes = data.getData();
                base = data.getOffset();
                scanline = component.getScanlineStride();
                pixelStride = component.getPixelStride();
                int[] offsets = component.getBandOffsets();
                red = offsets[0];
                green = offsets.length > 1 ? offsets[1] : 0;
                blue = offsets.length > 2 ? offsets[2] : 0;
                alphaOffset = offsets.length > 3 ? offsets[3] : 0;
            }
        }

        private int rowStart(int x, int y) {
            return base + (y - translateY) * scanline + (x - translateX) * pixelStride;
        }

        /** Row {@code y} from column {@code x} on, averaged across: red, green, blue (or grey) per target pixel. */
        void narrowOpaque(int x, int y, Spans spans, float[] narrowed) {
            int rowStart = rowStart(x, y);
            switch (layout) {
                case INT_RGB -> intRgb(rowStart, spans, narrowed);
                case BYTE_RGB -> byteRgb(rowStart, spans, narrowed);
                case BYTE_GREY -> byteGrey(rowStart, spans, narrowed);
                default -> throw new IllegalStateException(layout + " has alpha");
            }
        }

        /** Row {@code y} from column {@code x} on, averaged across premultiplied: alpha, red, green, blue per target pixel. */
        void narrowPremultiplied(int x, int y, Spans spans, float[] narrowed) {
            int rowStart = rowStart(x, y);
            switch (layout) {
                case INT_ARGB -> intArgb(rowStart, spans, narrowed);
                case BYTE_ARGB -> byteArgb(rowStart, spans, narrowed);
                default -> throw new IllegalStateException(layout + " has no alpha");
            }
        }

        private void intRgb(int rowStart, Spans spans, float[] narrowed) {
            int[] data = ints;
            float[] weights = spans.weights;
            int taps = spans.taps;
            for (int t = 0, i = 0; t < spans.count; t++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int p = rowStart + spans.first[t];
                for (int k = t * taps, end = k + taps; k < end; k++, p++) {
                    int pixel = data[p];
                    float w = weights[k];
                    r += ((pixel >> 16) & 0xFF) * w;
                    g += ((pixel >> 8) & 0xFF) * w;
                    b += (pixel & 0xFF) * w;
                }
                narrowed[i++] = r;
                narrowed[i++] = g;
                narrowed[i++] = b;
            }
        }

        private void byteRgb(int rowStart, Spans spans, float[] narrowed) {
            byte[] data = bytes;
            float[] weights = spans.weights;
            int taps = spans.taps;
            int stride = pixelStride;
            for (int t = 0, i = 0; t < spans.count; t++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int p = rowStart + spans.first[t] * stride;
                for (int k = t * taps, end = k + taps; k < end; k++, p += stride) {
                    float w = weights[k];
                    r += (data[p + red] & 0xFF) * w;
                    g += (data[p + green] & 0xFF) * w;
                    b += (data[p + blue] & 0xFF) * w;
                }
                narrowed[i++] = r;
                narrowed[i++] = g;
                narrowed[i++] = b;
            }
        }

        private void byteGrey(int rowStart, Spans spans, float[] narrowed) {
            byte[] data = bytes;
            float[] weights = spans.weights;
            int taps = spans.taps;
            int stride = pixelStride;
            for (int t = 0; t < spans.count; t++) {
                float v = 0;
                int p = rowStart + spans.first[t] * stride + red;
                for (int k = t * taps, end = k + taps; k < end; k++, p += stride) {
                    v += (data[p] & 0xFF) * weights[k];
                }
                narrowed[t] = v;
            }
        }

        private void intArgb(int rowStart, Spans spans, float[] narrowed) {
            int[] data = ints;
            float[] weights = spans.weights;
            int taps = spans.taps;
            for (int t = 0, i = 0; t < spans.count; t++) {
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                int p = rowStart + spans.first[t];
                for (int k = t * taps, end = k + taps; k < end; k++, p++) {
                    int pixel = data[p];
                    float weightedAlpha = (pixel >>> 24) * weights[k];
                    a += weightedAlpha;
                    r += ((pixel >> 16) & 0xFF) * weightedAlpha;
                    g += ((pixel >> 8) & 0xFF) * weightedAlpha;
                    b += (pixel & 0xFF) * weightedAlpha;
                }
                narrowed[i++] = a;
                narrowed[i++] = r;
                narrowed[i++] = g;
                narrowed[i++] = b;
            }
        }

        private void byteArgb(int rowStart, Spans spans, float[] narrowed) {
            byte[] data = bytes;
            float[] weights = spans.weights;
            int taps = spans.taps;
            int stride = pixelStride;
            for (int t = 0, i = 0; t < spans.count; t++) {
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                int p = rowStart + spans.first[t] * stride;
                for (int k = t * taps, end = k + taps; k < end; k++, p += stride) {
                    float weightedAlpha = (data[p + alphaOffset] & 0xFF) * weights[k];
                    a += weightedAlpha;
                    r += (data[p + red] & 0xFF) * weightedAlpha;
                    g += (data[p + green] & 0xFF) * weightedAlpha;
                    b += (data[p + blue] & 0xFF) * weightedAlpha;
                }
                narrowed[i++] = a;
                narrowed[i++] = r;
                narrowed[i++] = g;
                narrowed[i++] = b;
            }
        }
    }

    /**
     * The source pixels each target pixel covers along an axis, with the share of each (they add up to 1), as the same
     * number of taps for every target pixel (shares of 0 where it covers fewer), which keeps the inner loops free of
     * branches: target pixel {@code t} averages source pixels {@code first[t]} to {@code first[t] + taps - 1} with
     * {@code weights[t·taps]} to {@code weights[t·taps + taps - 1]}.
     */
    private static final class Spans {
        final int count;
        final int taps;
        final int[] first;
        final float[] weights;

        Spans(int sourceLength, int targetLength) {
            count = targetLength;
            // a target pixel covers sourceLength/targetLength source pixels, touching at most one more
            taps = Math.min(sourceLength, (sourceLength + targetLength - 1) / targetLength + 1);
            first = new int[targetLength];
            weights = new float[targetLength * taps];
            for (int t = 0; t < targetLength; t++) {
                // in units of 1/(sourceLength·targetLength): target pixel t covers [t·sourceLength, +sourceLength), source pixel s [s·targetLength, +targetLength)
                long begin = (long) t * sourceLength;
                long end = begin + sourceLength;
                int from = (int) (begin / targetLength);
                int to = (int) ((end - 1) / targetLength);
                int start = Math.min(from, sourceLength - taps); // the taps stay inside the row; those before from weigh 0
                first[t] = start;
                for (int s = from; s <= to; s++) {
                    long overlapStart = Math.max(begin, (long) s * targetLength) - begin;
                    long overlapEnd = Math.min(end, (long) (s + 1) * targetLength) - begin;
                    weights[t * taps + s - start] = (float) (overlapEnd - overlapStart) / sourceLength;
                }
            }
        }
    }

    /** Writes the rows of a target made in stored orientation into the upright picture, turned. */
    private static final class UprightWriter {
        private final int[] ints;
        private final byte[] bytes;
        private final int uprightWidth;
        private final Orientation orientation;
        private final int width;
        private final int height;

        /** {@code width} × {@code height}: the target as stored; {@code upright} (a new image) is it turned by {@code orientation}. */
        UprightWriter(BufferedImage upright, Orientation orientation, int width, int height) {
            if (upright.getRaster().getDataBuffer() instanceof DataBufferByte) { // newTarget's red, green, blue
                this.ints = null;
                this.bytes = ((DataBufferByte) upright.getRaster().getDataBuffer()).getData();
            } else {
                this.ints = ((DataBufferInt) upright.getRaster().getDataBuffer()).getData();
                this.bytes = null;
            }
            this.uprightWidth = upright.getWidth();
            this.orientation = orientation;
            this.width = width;
            this.height = height;
        }

        /** Row {@code y} of the target as stored, as packed RGB or ARGB. */
        void row(int y, int[] row) {
            // the stored row's pixels land on a line of the upright picture: a start and a step, in pixels
            int start = index(orientation.toUprightX(0, y, width, height), orientation.toUprightY(0, y, width, height));
            int step = row.length < 2 ? 0
                    : index(orientation.toUprightX(1, y, width, height), orientation.toUprightY(1, y, width, height)) - start;
            if (ints != null) {
                if (step == 1) {
                    System.arraycopy(row, 0, ints, start, row.length);
                    return;
                }
                for (int x = 0, i = start; x < row.length; x++, i += step) {
                    ints[i] = row[x];
                }
                return;
            }
            for (int x = 0, i = start * 3, byteStep = step * 3; x < row.length; x++, i += byteStep) {
                int pixel = row[x];
                bytes[i] = (byte) (pixel >> 16);
                bytes[i + 1] = (byte) (pixel >> 8);
                bytes[i + 2] = (byte) pixel;
            }
        }

        private int index(int x, int y) {
            return y * uprightWidth + x;
        }
    }
}
