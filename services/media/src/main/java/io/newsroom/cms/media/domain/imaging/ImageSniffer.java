package io.newsroom.cms.media.domain.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells an image's type from its first bytes (its signature), whatever the file is called. SVG is recognised on its
 * own so that it gets its own refusal: it is a script-capable document, not a picture, and is never served from our
 * domain.
 */
public final class ImageSniffer {
    /** How many leading bytes the sniffer looks at: enough for an SVG behind an XML prolog, comments or a DOCTYPE. */
    public static final int HEAD_LENGTH = 4096;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ImageSniffer() {
    }

    /** The accepted type whose signature {@code head} starts with, if any. */
    public static Optional<ImageType> detect(byte[] head) {
        if (startsWith(head, 0, JPEG)) {
            return Optional.of(ImageType.JPEG);
        }
        if (startsWith(head, 0, PNG)) {
            return Optional.of(ImageType.PNG);
        }
        if (startsWith(head, 0, GIF87) || startsWith(head, 0, GIF89)) {
            return Optional.of(ImageType.GIF);
        }
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)) {
            return Optional.of(ImageType.WEBP);
        }
        return Optional.empty();
    }

    /** Whether {@code head} is the start of an SVG document: {@code <svg}, or XML ({@code <?xml}, {@code <!...}) with an svg element. */
    public static boolean isSvg(byte[] head) {
        int from = startsWith(head, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        String text = new String(head, from, head.length - from, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
        return text.startsWith("<svg") || (text.startsWith("<?xml") || text.startsWith("<!")) && text.contains("<svg");
    }

    /** The type of the file that starts with {@code head}, or the refusal an editor should read. */
    public static ImageType identify(byte[] head) {
        if (head.length == 0) {
            throw new ImageRefused(ImageRefused.Reason.UNREADABLE, "The file is empty.");
        }
        return detect(head).orElseThrow(() -> isSvg(head)
                ? new ImageRefused(ImageRefused.Reason.UNSUPPORTED_TYPE,
                "SVG is not accepted: please upload the picture as a JPEG, PNG, WebP or GIF image.")
                : new ImageRefused(ImageRefused.Reason.UNSUPPORTED_TYPE, "The file is not a JPEG, PNG, WebP or GIF image."));
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
