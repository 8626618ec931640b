package io.newsroom.cms.media.domain.imaging;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns an upload into an original: its type from its signature, its size from its header (refused over the
 * {@link ImageLimits} before a single pixel is decoded), its EXIF orientation and the heap its pixels will take, then
 * its pixels, as stored (they are turned upright as renditions are written: no second copy). Whatever the
 * file does wrong ends as an {@link ImageRefused} with a message for the editor, never as an exception from inside a
 * decoder; a file that cannot be opened at all (the server's own disk) is an {@link UncheckedIOException}.
 * Thread-safe: every call uses its own reader.
 */
public final class ImageDecoder {
    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The type, upright size, orientation and decoding cost of {@code source}, read without decoding its pixels (the
     * cost from the pixel layout its reader will decode into).
     */
    public ProbedImage probe(ImageSource source) {
        ImageType type = ImageSniffer.identify(head(source));
        Header header = read(source, type, reader -> {
            checkSize(reader);
            ImageTypeSpecifier decoded = reader.getImageTypes(0).next();
            return new Header(reader.getWidth(0), reader.getHeight(0), decoded.getColorModel().hasAlpha(),
                    PixelLayout.decodingBytesPerPixel(decoded));
        });
        return ProbedImage.ofStored(type, header.width, header.height, OrientationReader.read(source, type), header.alpha,
                header.bytesPerPixel);
    }

    /** The pixels of {@code source} (a GIF's first frame), after a {@link #probe}. */
    public DecodedImage decode(ImageSource source) {
        return decode(source, probe(source));
    }

    /**
     * The pixels of {@code source}, which {@code probe} describes (an earlier {@link #probe} of the same file), as
     * stored: in the reader's own layout where the scaler reads it (no copy), else converted once to
     * {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}. The limits are checked again on the header, so a probe of another
     * file cannot open the door to a bomb.
     */
    public DecodedImage decode(ImageSource source, ProbedImage probe) {
        BufferedImage stored = read(source, probe.type(), reader -> {
            checkSize(reader);
            return firstImage(reader, probe.type(), null);
        });
        return new DecodedImage(probe, PixelLayout.of(stored).isPresent() ? stored : converted(stored));
    }

    /**
     * Whether {@link #check} reads {@code type} keeping only a few of its pixels: the JDK's JPEG and PNG readers decode
     * row by row whatever they keep; other readers may hold the whole picture all the same.
     */
    public static boolean checksWithFewPixels(ImageType type) {
        return type == ImageType.JPEG || type == ImageType.PNG;
    }

    /**
     * Refuses {@code source} as {@link #decode} would (every row is decoded, so a damaged or cut-short file is found), but
     * keeps only every n-th pixel of every n-th row, about a megapixel: for an upload whose pixels are decoded again
     * when its renditions are made.
     */
    public void check(ImageSource source, ProbedImage probe) {
        read(source, probe.type(), reader -> {
            checkSize(reader);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.sqrt(reader.getWidth(0) * (double) reader.getHeight(0) / 1_000_000));
            param.setSourceSubsampling(Math.max(1, step), Math.max(1, step), 0, 0);
            return firstImage(reader, probe.type(), param);
        });
    }

    private void checkSize(ImageReader reader) throws IOException {
        limits.check(reader.getWidth(0), reader.getHeight(0));
    }

    private record Header(int width, int height, boolean alpha, int bytesPerPixel) {
    }

    /** 16-bit, palette and other layouts as {@code TYPE_INT_ARGB} if they have alpha, else {@code TYPE_INT_RGB}, drawn by Java2D. */
    private static BufferedImage converted(BufferedImage stored) {
        int type = stored.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage converted = new BufferedImage(stored.getWidth(), stored.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(stored, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }

    /**
     * Image 0 (a GIF's or an animated WebP's first frame). A JPEG cut short decodes "successfully", its missing part
     * grey, with only a warning to say so: that is a broken upload, refused like any other damaged file.
     */
    private static BufferedImage firstImage(ImageReader reader, ImageType type, ImageReadParam param) throws IOException {
        CutShort cutShort = new CutShort();
        reader.addIIOReadWarningListener(cutShort);
        BufferedImage image = reader.read(0, param);
        if (cutShort.seen) {
            throw unreadable(type, null);
        }
        return image;
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T read(ImageSource source, ImageType type, ReaderWork<T> work) {
        try (ImageInputStream in = source.openImageStream()) {
            return readWith(in, type, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // opening or closing the upload, not its content
        }
    }

    private static <T> T readWith(ImageInputStream in, ImageType type, ReaderWork<T> work) {
        ImageReader reader = null;
        try {
            reader = Codecs.reader(type);
            reader.setInput(in, true, true); // metadata is skipped: it is where zip bombs hide (PNG text chunks)
            return work.apply(reader);
        } catch (ImageRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // decoders signal damaged input with IIOException, EOFException, but also IndexOutOfBounds and the like
            throw unreadable(type, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static ImageRefused unreadable(ImageType type, Exception cause) {
        return new ImageRefused(ImageRefused.Reason.UNREADABLE, String.format(Locale.ROOT,
                "The file looks like a %s image but cannot be read: it is damaged or incomplete.", type.displayName()), cause);
    }

    private static byte[] head(ImageSource source) {
        try {
            return source.head();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Notices the warnings with which libjpeg and TwelveMonkeys report a file that ends before its picture does. */
    private static final class CutShort implements IIOReadWarningListener {
        private boolean seen;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String text = warning.toLowerCase(Locale.ROOT);
            seen |= text.contains("premature end") || text.contains("truncated");
        }
    }
}
