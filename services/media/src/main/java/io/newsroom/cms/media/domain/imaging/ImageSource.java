package io.newsroom.cms.media.domain.imaging;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded file, in memory or on disk, that can be read from the start as often as needed: once for its
 * signature, once for its header and orientation, once to decode. Reading it again is cheaper than keeping a copy
 * of a 25 MB upload in memory, and an upload on disk is never loaded whole.
 */
public abstract class ImageSource {
    ImageSource() {
    }

    public static ImageSource of(byte[] bytes) {
        return new InMemory(bytes);
    }

    public static ImageSource of(Path file) {
        return new OnDisk(file);
    }

    abstract InputStream openStream() throws IOException;

    /** A seekable stream for the ImageIO readers. */
    abstract ImageInputStream openImageStream() throws IOException;

    /** The first {@link ImageSniffer#HEAD_LENGTH} bytes, or all of a shorter file. */
    byte[] head() throws IOException {
        try (InputStream in = openStream()) {
            return in.readNBytes(ImageSniffer.HEAD_LENGTH);
        }
    }

    private static final class InMemory extends ImageSource {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        InputStream openStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        ImageInputStream openImageStream() {
            return new ByteArrayImageInputStream(bytes);
        }
    }

    private static final class OnDisk extends ImageSource {
        private final Path file;

        OnDisk(Path file) {
            this.file = file;
        }

        @Override
        InputStream openStream() throws IOException {
            return Files.newInputStream(file);
        }

        /** TwelveMonkeys' buffered file stream where the registry has it (its class is not public), else the JDK's. */
        @Override
        ImageInputStream openImageStream() throws IOException {
            ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
            if (in == null) {
                throw new IOException("No ImageIO stream for " + file);
            }
            return in;
        }
    }
}
