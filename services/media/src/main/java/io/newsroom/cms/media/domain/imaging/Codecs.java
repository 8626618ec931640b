package io.newsroom.cms.media.domain.imaging;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * Which ImageIO plugin reads or writes what, chosen by class rather than by whatever the global registry lists first:
 * two WebP readers are on the class path (TwelveMonkeys, pure Java, and the native one bundled with the WebP writer),
 * and the registry's contents depend on which class loader first touched ImageIO (Quarkus dev and test modes have
 * several). Readers and writers keep per-image state, so each use gets a new one.
 */
final class Codecs {
    /** TwelveMonkeys: CMYK/YCCK, ICC profiles, broken files. It delegates to the JDK reader, which it finds on registration. */
    private static final JPEGImageReaderSpi JPEG_READER = registered(new JPEGImageReaderSpi());
    /** TwelveMonkeys: pure Java, so a malformed upload cannot crash the JVM in native code. */
    private static final WebPImageReaderSpi WEBP_READER = new WebPImageReaderSpi();
    /**
     * libwebp through JNI, the only WebP encoder for Java: bundled for Linux (glibc; x86-64, ARM), macOS and Windows,
     * and copied to {@code java.io.tmpdir} on first use, so that directory must be writable and allow executables.
     */
    private static final WebPImageWriterSpi WEBP_WRITER = new WebPImageWriterSpi();

    private Codecs() {
    }

    static ImageReader reader(ImageType type) throws IOException {
        return switch (type) {
            case JPEG -> JPEG_READER.createReaderInstance(null);
            case WEBP -> WEBP_READER.createReaderInstance(null);
            case PNG, GIF -> first(ImageIO.getImageReadersByFormatName(type.name().toLowerCase(Locale.ROOT)));
        };
    }

    static ImageWriter writer(OutputFormat format) {
        return switch (format) {
            case WEBP -> WEBP_WRITER.createWriterInstance(null);
            case JPEG -> first(ImageIO.getImageWritersByFormatName("jpeg"));
        };
    }

    private static <T extends ImageReaderSpi> T registered(T spi) {
        IIORegistry.getDefaultInstance().registerServiceProvider(spi, ImageReaderSpi.class);
        return spi;
    }

    /** The JDK always has PNG and GIF readers and a JPEG writer; their absence is a broken runtime. */
    private static <T> T first(Iterator<T> plugins) {
        if (!plugins.hasNext()) {
            throw new IllegalStateException("This Java runtime has no ImageIO plugin for a built-in image format");
        }
        return plugins.next();
    }
}
