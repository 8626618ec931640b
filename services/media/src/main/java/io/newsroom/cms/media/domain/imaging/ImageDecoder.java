package io.newsroom.cms.media.domain.imaging;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns an upload into an original: its type from its signature, its size from its header (refused over the
 * {@link ImageLimits} before a single pixel is decoded), its EXIF orientation, then its pixels, upright. Whatever the
 * file does wrong ends as an {@link ImageRefused} with a message for the editor, never as an exception from inside a
 * decoder; a file that cannot be opened at all (the server's own disk) is an {@link UncheckedIOException}.
 * Thread-safe: every call uses its own reader.
 */
public final class ImageDecoder {
    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The type, upright size and orientation of {@code source}, read without decoding its pixels. */
    public ProbedImage probe(ImageSource source) {
        ImageType type = ImageSniffer.identify(head(source));
        Dimension stored = read(source, type, this::checkedSize);
        return ProbedImage.ofStored(type, stored.width, stored.height, OrientationReader.read(source, type));
    }

    /** The upright pixels of {@code source} (a GIF's first frame), after a {@link #probe}. */
    public DecodedImage decode(ImageSource source) {
        return decode(source, probe(source));
    }

    /**
     * The upright pixels of {@code source}, which {@code probe} describes (an earlier {@link #probe} of the same
     * file). The limits are checked again on the header, so a probe of another file cannot open the door to a bomb.
     */
    public DecodedImage decode(ImageSource source, ProbedImage probe) {
        BufferedImage stored = read(source, probe.type(), reader -> {
            checkedSize(reader);
            return firstImage(reader, probe.type());
        });
        return new DecodedImage(probe, probe.orientation().upright(stored));
    }

    private Dimension checkedSize(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        limits.check(width, height);
        return new Dimension(width, height);
    }

    /**
     * Image 0 (a GIF's or an animated WebP's first frame). A JPEG cut short decodes "successfully", its missing part
     * grey, with only a warning to say so: that is a broken upload, refused like any other damaged file.
     */
    private static BufferedImage firstImage(ImageReader reader, ImageType type) throws IOException {
        CutShort cutShort = new CutShort();
        reader.addIIOReadWarningListener(cutShort);
        BufferedImage image = reader.read(0);
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
