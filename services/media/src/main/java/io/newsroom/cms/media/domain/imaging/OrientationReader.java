package io.newsroom.cms.media.domain.imaging;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the EXIF orientation tag (JPEG, and PNG and WebP that carry EXIF). Metadata is the least trustworthy part of
 * a file and says nothing about whether the pixels are fine, so metadata that cannot be parsed counts as "no
 * orientation" rather than as a refusal: the decoder decides whether the picture itself is readable.
 */
final class OrientationReader {
    private OrientationReader() {
    }

    static Orientation read(ImageSource source, ImageType type) {
        if (type == ImageType.GIF) {
            return Orientation.NORMAL; // GIF has no EXIF
        }
        try (InputStream in = source.openStream()) {
            try {
                return orientationOf(ImageMetadataReader.readMetadata(in));
            } catch (IOException | ImageProcessingException | MetadataException | RuntimeException brokenMetadata) {
                return Orientation.NORMAL;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Orientation orientationOf(Metadata metadata) throws MetadataException {
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return Orientation.NORMAL;
        }
        return Orientation.ofExif(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
    }
}
