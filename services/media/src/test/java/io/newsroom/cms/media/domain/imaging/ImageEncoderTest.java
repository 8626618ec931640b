package io.newsroom.cms.media.domain.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageEncoderTest {
    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void writesWebpThatTheReaderReadsBack() {
        BufferedImage photo = SamplePictures.photo(320, 180, 12);
        byte[] webp = ImageEncoder.encode(photo, OutputFormat.WEBP);
        assertEquals("RIFF", new String(webp, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WEBP", new String(webp, 8, 4, StandardCharsets.US_ASCII));
        DecodedImage decoded = DECODER.decode(ImageSource.of(webp));
        assertEquals(new ProbedImage(ImageType.WEBP, 320, 180, Orientation.NORMAL, false, 3), decoded.probe());
        BufferedImage viaJpeg = DECODER.decode(ImageSource.of(ImageEncoder.encode(photo, OutputFormat.JPEG))).upright();
        assertTrue(meanDifference(photo, decoded.upright()) < meanDifference(photo, viaJpeg) * 1.25,
                "loses about what the JPEG fallback loses");
    }

    @Test
    void webpKeepsTransparency() {
        BufferedImage logo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        logo.getGraphics().fillRect(16, 16, 32, 32); // the default colour, white; the rest transparent
        BufferedImage decoded = DECODER.decode(ImageSource.of(ImageEncoder.encode(logo, OutputFormat.WEBP))).upright();
        assertEquals(0, decoded.getRGB(2, 2) >>> 24);
        assertEquals(0xFF, decoded.getRGB(32, 32) >>> 24);
    }

    @Test
    void writesJpegLayingTransparencyOnWhite() {
        BufferedImage logo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(32, 32, 32, 32); // the rest transparent (black, alpha 0)
        g.dispose();
        byte[] jpeg = ImageEncoder.encode(logo, OutputFormat.JPEG);
        assertEquals(ImageType.JPEG, ImageSniffer.identify(jpeg));
        BufferedImage decoded = DECODER.decode(ImageSource.of(jpeg)).upright();
        assertFalse(decoded.getColorModel().hasAlpha());
        assertEquals(0xFFFFFFFF, decoded.getRGB(10, 10), "transparent became white, not black");
        assertTrue(SamplePictures.isRed(decoded, 48, 48));
    }

    @Test
    void writesEveryLayoutTheScalerMakesAndAWindowOfAPicture() {
        BufferedImage photo = SamplePictures.photo(200, 150, 14);
        for (OutputFormat format : OutputFormat.values()) {
            byte[] reference = ImageEncoder.encode(photo, format);
            for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB}) {
                byte[] file = ImageEncoder.encode(SamplePictures.as(photo, type), format);
                BufferedImage back = DECODER.decode(ImageSource.of(file)).upright();
                assertEquals(0, SamplePictures.meanDifference(DECODER.decode(ImageSource.of(reference)).upright(), back), 0.5,
                        type + " " + format + ": as written from TYPE_INT_RGB");
            }
        }
        // a window shares the pixels of the picture around it: the writer must be given only the window's
        BufferedImage window = SamplePictures.as(photo, BufferedImage.TYPE_3BYTE_BGR).getSubimage(50, 40, 100, 60);
        BufferedImage copy = SamplePictures.as(window, BufferedImage.TYPE_3BYTE_BGR);
        assertArrayEquals(ImageEncoder.encode(copy, OutputFormat.WEBP), ImageEncoder.encode(window, OutputFormat.WEBP));
    }

    @Test
    void writesNoMetadataButWhatTheFormatNeeds() {
        BufferedImage photo = SamplePictures.photo(100, 100, 13);
        byte[] jpeg = ImageEncoder.encode(photo, OutputFormat.JPEG);
        // SOI, then the JFIF header (APP0): no APP1 (Exif/XMP), no APP2 (ICC) anywhere
        assertEquals(List.of(0xFF, 0xD8, 0xFF, 0xE0), List.of(jpeg[0] & 0xFF, jpeg[1] & 0xFF, jpeg[2] & 0xFF, jpeg[3] & 0xFF));
        for (String marker : new String[]{"Exif", "http://ns.adobe.com/xap", "ICC_PROFILE"}) {
            assertFalse(SamplePictures.contains(jpeg, marker), marker);
        }
        assertEquals(List.of("VP8 "), riffChunks(ImageEncoder.encode(photo, OutputFormat.WEBP)), "no EXIF, XMP or ICCP chunk");
    }

    /** The chunk names of a RIFF file, in order. */
    private static List<String> riffChunks(byte[] riff) {
        List<String> names = new ArrayList<>();
        ByteBuffer chunks = ByteBuffer.wrap(riff).order(ByteOrder.LITTLE_ENDIAN).position(12);
        while (chunks.remaining() >= 8) {
            names.add(new String(riff, chunks.position(), 4, StandardCharsets.US_ASCII));
            int size = chunks.getInt(chunks.position() + 4);
            chunks.position(chunks.position() + 8 + size + (size & 1));
        }
        return names;
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    total += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return (double) total / (a.getWidth() * a.getHeight() * 3);
    }
}
